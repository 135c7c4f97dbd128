package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.ToolkitOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The global options, mixed into the root command and into every {@link ToolkitCommand}, so they may
 * be given before or after the subcommand name. (picocli's inherited options share one field and
 * reset repeatable options when the subcommand starts, which would lose {@code --plugin a} in
 * {@code cdkj --plugin a credentials --plugin b}; two copies merged by {@link #merge}
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
    ToolkitOptions toOptions() {
        return new ToolkitOptions(Optional.ofNullable(profile), plugins == null ? List.of() : plugins,
                context == null ? List.of() : context, verbose, debug);
    }

    /**
     * The options of the root command followed by those given after the subcommand name: lists are
     * concatenated in command-line order, a later profile wins, flags are set if set anywhere.
     */
    static ToolkitOptions merge(ToolkitOptions outer, ToolkitOptions inner) {
        List<String> plugins = new ArrayList<>(outer.plugins());
        plugins.addAll(inner.plugins());
        List<String> context = new ArrayList<>(outer.context());
        context.addAll(inner.context());
        return new ToolkitOptions(inner.profile().or(outer::profile), plugins, context,
                outer.verbose() || inner.verbose(), outer.debug() || inner.debug());
    }
}
