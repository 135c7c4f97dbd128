package io.cdkj.toolkit.api;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@code cdkj} invocation reads from or writes to the outside world, so tests run the
 * CLI in-process with their own values.
 *
 * <p>Immutable; the writers are shared, so one {@code Io} serves one invocation at a time.
 *
 * @param out              standard output (results: tables, JSON, credential_process JSON)
 * @param err              standard error (errors, progress, logs)
 * @param in               standard input
 * @param environment      the process environment, as plugins and configuration see it
 * @param workingDirectory where {@code cdk.json} and {@code cdk.context.json} are read
 * @param homeDirectory    where the user-level {@code .cdk.json} is read
 * @param pluginPath       plugin jars and directories, in order (from the launcher)
 * @param outIsTerminal    whether {@code out} is a terminal a person reads (so secrets printed there end
 *                         up on a screen and in its scrollback); false for a pipe or a file
 * @param terminal         whether a person at a terminal can answer questions on {@code in}
 */
public record Io(
        PrintWriter out,
        PrintWriter err,
        InputStream in,
        Map<String, String> environment,
        Path workingDirectory,
        Path homeDirectory,
        List<Path> pluginPath,
        boolean outIsTerminal,
        boolean terminal) {

    /**
     * System property the launcher sets to {@code true} when standard output is a terminal (the JVM
     * cannot tell on its own: {@code System.console()} also wants standard input to be one).
     */
    public static final String OUT_IS_TERMINAL_PROPERTY = "cdkj.stdout.terminal";

    /** System property the launcher sets to the plugin path (entries separated by the path separator). */
    public static final String PLUGIN_PATH_PROPERTY = "cdkj.plugin.path";
    /** Environment variable read for the plugin path when the system property is not set. */
    public static final String PLUGIN_PATH_ENV = "CDKJ_PLUGIN_PATH";

    public Io {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(homeDirectory, "homeDirectory");
        pluginPath = List.copyOf(pluginPath);
    }

    /**
     * An {@code Io} whose {@code out} is not a terminal (tests, embedders, pipes), and whose {@code in} is one
     * only when it is the process's own stdin on a console.
     */
    public Io(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> environment, Path workingDirectory,
            Path homeDirectory, List<Path> pluginPath) {
        this(out, err, in, environment, workingDirectory, homeDirectory, pluginPath, false,
                in == System.in && System.console() != null);
    }

    /**
     * The real process: System streams, environment, {@code user.dir}, the home directory, plugin path.
     * The home is {@code HOME} when it is set, else {@code user.home}: the AWS SDK and CLI read
     * {@code ~/.aws} of {@code HOME} first, and so must the toolkit's own profile lookups.
     */
    public static Io system() {
        Map<String, String> env = System.getenv();
        String path = System.getProperty(PLUGIN_PATH_PROPERTY);
        if (path == null) {
            path = env.getOrDefault(PLUGIN_PATH_ENV, "");
        }
        return new Io(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.in,
                env,
                Path.of(System.getProperty("user.dir")).toAbsolutePath(),
                homeDirectory(env),
                parsePluginPath(path),
                stdoutIsTerminal(),
                System.console() != null);
    }

    /** What the launcher says, else whether the JVM has a console (standard input and output both terminals). */
    private static boolean stdoutIsTerminal() {
        String launcher = System.getProperty(OUT_IS_TERMINAL_PROPERTY);
        return launcher != null ? Boolean.parseBoolean(launcher) : System.console() != null;
    }

    /** {@code HOME} when set and not blank, else the JVM's {@code user.home}. */
    static Path homeDirectory(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")).toAbsolutePath();
    }

    /** Splits a plugin path on the platform's path separator, skipping blank entries. */
    public static List<Path> parsePluginPath(String path) {
        List<Path> entries = new ArrayList<>();
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry.trim()));
            }
        }
        return entries;
    }

    /** Lists names only: the environment may hold secrets. */
    @Override
    public String toString() {
        return "Io[workingDirectory=" + workingDirectory + ", environment variables=" + environment.size()
                + ", pluginPath=" + pluginPath + ", outIsTerminal=" + outIsTerminal + ", terminal=" + terminal + "]";
    }
}
