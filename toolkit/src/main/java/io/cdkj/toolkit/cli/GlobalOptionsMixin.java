package io.cdkj.toolkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The global options, mixed into the root command and into every {@link SessionCommand}, so they may
 * be given before or after the subcommand name. (picocli's inherited options share one field and
 * reset repeatable options when the subcommand starts, which would lose {@code --plugin a} in
 * {@code cdkj --plugin a credentials --plugin b}; two copies merged by {@link GlobalOptions#merge}
 * keep both, in order.) Not thread-safe; filled by picocli.
 */
public final class GlobalOptionsMixin {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile for the default identity (default: the SDK default chain).")
    private String profile;

    @Option(names = "--plugin", paramLabel = "NAME",
            description = "Credential plugin to use, by name; repeatable, tried in order."
                    + " Replaces the \"plugin\" array of cdk.json when given.")
    private List<String> plugins = new ArrayList<>();

    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "Context value (kept as a string, as in the CDK CLI); repeatable; wins over cdk.json.")
    private List<String> context = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log what the toolkit does (on standard error).")
    private boolean verbose;

    @Option(names = "--debug", description = "Debug logs, and stack traces on errors.")
    private boolean debug;

    /** The values given at this level of the command line. */
    GlobalOptions toOptions() {
        return new GlobalOptions(Optional.ofNullable(profile), plugins == null ? List.of() : plugins,
                context == null ? List.of() : context, verbose, debug);
    }
}
