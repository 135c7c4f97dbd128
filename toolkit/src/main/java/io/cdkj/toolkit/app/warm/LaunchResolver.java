package io.cdkj.toolkit.app.warm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides how an app command can run in the warm host: the {@code cdk.json} {@code "cdkj"} launch
 * when it names one, else the Maven {@code exec:java} command resolved through Maven once, else a
 * plain {@code java} command line, else cold with the reason.
 *
 * <p>Stateless and thread-safe.
 */
public final class LaunchResolver {

    private final WarmSettings settings;
    private final Consumer<String> verbose;

    /**
     * @param settings the project's {@code "cdkj"} settings
     * @param verbose  receives what was resolved (shown with {@code --verbose})
     */
    public LaunchResolver(WarmSettings settings, Consumer<String> verbose) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.verbose = Objects.requireNonNull(verbose, "verbose");
    }

    /**
     * The plan for running {@code command}.
     *
     * @param environment    the app's environment (for {@code $VAR}, JAVA_HOME, running Maven)
     * @param cacheDirectory where resolved Maven class paths are kept
     */
    public LaunchPlan resolve(String command, Path workingDirectory, Map<String, String> environment,
                              Path cacheDirectory) {
        if (!settings.warm()) {
            return new LaunchPlan.Cold("\"cdkj\": {\"warm\": false} in cdk.json");
        }
        if (settings.launch().isPresent()) {
            return new LaunchPlan.Warm(settings.launch().get());
        }
        Optional<List<String>> words = CommandWords.split(command.trim(), environment);
        if (words.isPresent() && MavenExecJava.matches(words.get())) {
            return MavenExecJava.resolve(words.get(), workingDirectory, cacheDirectory, environment, verbose);
        }
        return JavaCommandLine.parse(command, environment, workingDirectory);
    }
}
