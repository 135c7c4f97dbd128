package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code cdkj} in-process with captured writers, a chosen environment, working directory and
 * home directory. Not thread-safe; one per test.
 */
public final class CliHarness {

    /** What one invocation produced. */
    public record Run(int exitCode, String out, String err) {
        /** Everything printed, for "no secret anywhere" assertions. */
        public String all() {
            return out + err;
        }
    }

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path workingDirectory;
    private final Path homeDirectory;
    private final List<Path> pluginPath = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();
    private boolean outIsTerminal;
    private String answers;

    public CliHarness(Path workingDirectory, Path homeDirectory) {
        this.workingDirectory = workingDirectory;
        this.homeDirectory = homeDirectory;
        environment.put("USER", "tester");
    }

    public CliHarness env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Plays a standard output that is a terminal (a person's screen) rather than a pipe. */
    public CliHarness outIsTerminal(boolean terminal) {
        outIsTerminal = terminal;
        return this;
    }

    /** Runs as if on a terminal where a person types {@code typed} (lines, e.g. {@code "y\n"}). */
    public CliHarness terminal(String typed) {
        this.answers = typed;
        return this;
    }

    public CliHarness pluginPath(Path entry) {
        pluginPath.add(entry);
        return this;
    }

    public Run run(String... args) {
        return runWith(List.of(), args);
    }

    /** Runs with extra subcommands registered (test-only commands). */
    public Run runWith(List<Object> extraSubcommands, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        byte[] typed = answers == null ? new byte[0] : answers.getBytes(StandardCharsets.UTF_8);
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(typed),
                environment, workingDirectory, homeDirectory, pluginPath, outIsTerminal, answers != null);
        int exit = CdkjCli.execute(args, io, extraSubcommands);
        Run run = new Run(exit, out.toString(), err.toString());
        if (!List.of(args).contains("process")) {
            // Only --format process may print secrets; everything else is checked by SecretGuard.
            SecretGuard.checkOutput(run.all());
        }
        runs.add(run);
        return run;
    }

    /** Every run so far. */
    public List<Run> runs() {
        return runs;
    }
}
