package io.cdkj.toolkit.config;

import io.cdkj.plugin.Configuration;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one invocation: the project's {@code cdk.json}, its {@code cdk.context.json},
 * the user-level {@code ~/.cdk.json}, the command line, and the environment, merged with the CDK
 * CLI's precedence.
 *
 * <p>Context, highest first: {@code --context} &gt; {@code cdk.json} {@code "context"} &gt;
 * {@code cdk.context.json} &gt; {@code ~/.cdk.json} {@code "context"}; a key is replaced as a whole
 * (no deep merge), as in the CDK CLI.
 *
 * <p>Plugins: when {@code --plugin} is given, its list <em>replaces</em> the {@code "plugin"} array of
 * {@code cdk.json} (the CDK CLI loads both; cdkj lets the command line decide the exact order, so a
 * pipeline can run with a different plugin than a developer); otherwise {@code cdk.json}'s array, else
 * {@code ~/.cdk.json}'s. Profile: {@code --profile} &gt; {@code cdk.json} &gt; {@code ~/.cdk.json}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param workingDirectory the project directory
 * @param project          {@code cdk.json}
 * @param user             {@code ~/.cdk.json}
 * @param contextFile      the values of {@code cdk.context.json}
 * @param commandLine      {@code --context} values
 * @param environment      the process environment
 * @param cliPlugins       {@code --plugin} names, in order
 * @param cliProfile       {@code --profile}
 */
public record ProjectConfiguration(
        Path workingDirectory,
        CdkJson project,
        CdkJson user,
        Map<String, Object> contextFile,
        Map<String, Object> commandLine,
        Map<String, String> environment,
        List<String> cliPlugins,
        Optional<String> cliProfile) {

    /** The project configuration file. */
    public static final String PROJECT_FILE = "cdk.json";
    /** The project's cached context (lookup results). */
    public static final String CONTEXT_FILE = "cdk.context.json";
    /** The user-level defaults, in the home directory. */
    public static final String USER_FILE = ".cdk.json";
    /** The default cloud assembly directory. */
    public static final String DEFAULT_OUTPUT = "cdk.out";

    public ProjectConfiguration {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(user, "user");
        contextFile = Collections.unmodifiableMap(new LinkedHashMap<>(contextFile));
        commandLine = Collections.unmodifiableMap(new LinkedHashMap<>(commandLine));
        environment = Map.copyOf(environment);
        cliPlugins = List.copyOf(cliPlugins);
        Objects.requireNonNull(cliProfile, "cliProfile");
    }

    /**
     * Reads the files of {@code workingDirectory} and {@code homeDirectory}.
     *
     * @throws io.cdkj.toolkit.ToolkitException USAGE naming the file when one is malformed, or the
     *     argument when a {@code --context} value is
     */
    public static ProjectConfiguration load(Path workingDirectory, Path homeDirectory, Map<String, String> environment,
            List<String> contextArguments, List<String> cliPlugins, Optional<String> cliProfile) {
        Map<String, Object> commandLine = ContextArguments.parse(contextArguments);
        CdkJson project = CdkJson.read(workingDirectory.resolve(PROJECT_FILE));
        Map<String, Object> cached = JsonFiles.readObject(workingDirectory.resolve(CONTEXT_FILE))
                .map(JsonFiles::toMap).orElse(Map.of());
        CdkJson user = CdkJson.read(homeDirectory.resolve(USER_FILE));
        if (user.settings().build().isPresent()) {
            throw new ToolkitException(ErrorCode.USAGE, "The \"build\" key cannot be in " + homeDirectory.resolve(USER_FILE)
                    + " (it would build every project the same way); move it to the project's cdk.json.");
        }
        return new ProjectConfiguration(workingDirectory, project, user, cached, commandLine, environment,
                cliPlugins, cliProfile);
    }

    /** The merged context, highest precedence last applied; JSON nulls kept (the app may read them). */
    public Map<String, Object> context() {
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.putAll(user.context());
        merged.putAll(contextFile);
        merged.putAll(project.context());
        merged.putAll(commandLine);
        return Collections.unmodifiableMap(merged);
    }

    /** The plugin SPI's read-only view: merged context and the environment. */
    public Configuration pluginConfiguration() {
        return Configuration.of(context(), environment);
    }

    /** The plugin names to use, in order (see the class documentation for which source wins). */
    public List<String> plugins() {
        if (!cliPlugins.isEmpty()) {
            return cliPlugins;
        }
        return !project.plugins().isEmpty() ? project.plugins() : user.plugins();
    }

    /** The AWS profile of the default identity, if one is configured. */
    public Optional<String> profile() {
        return cliProfile.or(project::profile).or(user::profile);
    }

    /** The Node CLI settings of {@code cdk.json} over those of {@code ~/.cdk.json} (the command line's go on top). */
    public Settings settings() {
        return project.settings().over(user.settings());
    }

    /** The app command from {@code cdk.json} (or {@code ~/.cdk.json}). */
    public Optional<String> app() {
        return project.app().or(user::app);
    }

    /** The cloud assembly directory, resolved against the working directory. */
    public Path output() {
        return workingDirectory.resolve(project.output().or(user::output).orElse(DEFAULT_OUTPUT));
    }

    /** Where {@code cdk.context.json} lives (the synth step writes lookup results there). */
    public Path contextFilePath() {
        return workingDirectory.resolve(CONTEXT_FILE);
    }

    /** Lists sources and keys only: context values and the environment may be sensitive. */
    @Override
    public String toString() {
        return "ProjectConfiguration[workingDirectory=" + workingDirectory + ", context keys=" + context().keySet()
                + ", plugins=" + plugins() + ", profile=" + profile().orElse("(default chain)") + "]";
    }
}
