package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The global options — the Node CDK CLI's, with its names, short forms and {@code --no-} forms —
 * mixed into the root command and into every {@link ToolkitCommand}, so they may be given before or
 * after the subcommand name. (picocli's inherited options share one field and reset repeatable
 * options when the subcommand starts, which would lose {@code --plugin a} in
 * {@code cdkj --plugin a credentials --plugin b}; two copies merged by {@link #merge} keep both, in
 * order.) Not thread-safe; filled by picocli.
 */
public final class GlobalOptionsMixin {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile for the default identity (default: \"profile\" of cdk.json, else the SDK default chain).")
    private String profile;

    @Option(names = {"-p", "--plugin"}, paramLabel = "NAME",
            description = "Credential plugin to use, by name; repeatable, tried in order."
                    + " Replaces the \"plugin\" array of cdk.json when given.")
    private List<String> plugins = new ArrayList<>();

    @Option(names = {"-c", "--context"}, paramLabel = "KEY=VALUE",
            description = "Context value (kept as a string, as in the CDK CLI); repeatable; wins over cdk.json.")
    private List<String> context = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log what the toolkit does (on standard error).")
    private boolean[] verbose = new boolean[0];

    @Option(names = "--debug", description = "Debug logs, stack traces on errors, and CDK_DEBUG=true for the app.")
    private boolean debug;

    @Option(names = {"-a", "--app"}, paramLabel = "COMMAND",
            description = "The app command (run with sh -c), or a cloud assembly directory (e.g. cdk.out)."
                    + " Default: \"app\" in cdk.json.")
    private String app;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where the cloud assembly is written. Default: \"output\" in cdk.json, else cdk.out.")
    private Path output;

    @Option(names = "--lookups", negatable = true, fallbackValue = "true",
            description = "Look up missing context in AWS (--no-lookups: fail listing the missing keys). Default: on.")
    private Boolean lookups;

    @Option(names = "--build", paramLabel = "COMMAND", description = "Command run before the app (\"build\" in cdk.json).")
    private String build;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Default region of the default identity and of environment-agnostic stacks"
                    + " (default: \"region\" of cdk.json, AWS_REGION, the profile's region, else us-east-1).")
    private String region;

    @Option(names = {"--version-reporting", "--telemetry"}, negatable = true, fallbackValue = "true",
            description = "Include the AWS::CDK::Metadata resource in templates (\"versionReporting\"; default on).")
    private Boolean versionReporting;

    @Option(names = "--path-metadata", negatable = true, fallbackValue = "true",
            description = "Include aws:cdk:path metadata for each resource (\"pathMetadata\"; default on).")
    private Boolean pathMetadata;

    @Option(names = "--asset-metadata", negatable = true, fallbackValue = "true",
            description = "Include aws:asset:* metadata for resources that use assets (\"assetMetadata\"; default on).")
    private Boolean assetMetadata;

    @Option(names = "--staging", negatable = true, fallbackValue = "true",
            description = "Copy assets to the output directory (\"staging\"; default on; --no-staging keeps them in place).")
    private Boolean staging;

    @Option(names = {"-r", "--role-arn"}, paramLabel = "ARN",
            description = "CloudFormation service role for deploy and destroy (default: the stack's"
                    + " cloudFormationExecutionRoleArn, if any).")
    private String roleArn;

    @Option(names = "--toolkit-stack-name", paramLabel = "NAME",
            description = "The bootstrap stack's name for 'cdkj bootstrap' (default CDKToolkit; \"toolkitStackName\")."
                    + " Other commands read the bootstrap resources' names from the cloud assembly and need none.")
    private String toolkitStackName;

    @Option(names = "--ci", negatable = true, fallbackValue = "true",
            description = "CI mode: never ask, progress as log lines (default: on when CI is set).")
    private Boolean ci;

    @Option(names = {"-y", "--yes"}, description = "Answer every question with yes: approve deployments, confirm destroy.")
    private boolean yes;

    @Option(names = "--color", negatable = true, fallbackValue = "true",
            description = "Colors (cdkj prints none, so --color and --no-color change nothing; NO_COLOR is honoured).")
    private Boolean color;

    @Option(names = "--strict", negatable = true, description = "Fail when the app reports warnings; diff also compares AWS::CDK::Metadata.")
    private boolean strict;

    @Option(names = "--notices", negatable = true, fallbackValue = "true",
            description = "Accepted for the Node CDK CLI's sake: cdkj shows no notices.")
    private Boolean notices;

    /** The values given at this level of the command line. */
    ToolkitOptions toOptions() {
        return new ToolkitOptions(Optional.ofNullable(profile), plugins == null ? List.of() : plugins,
                context == null ? List.of() : context, verbose != null && verbose.length > 0, debug,
                Optional.ofNullable(app).filter(a -> !a.isBlank()), Optional.ofNullable(output),
                Optional.ofNullable(roleArn), settings(), new ToolkitOptions.Console(Optional.ofNullable(ci), yes,
                        Optional.ofNullable(color)), strict);
    }

    private Settings settings() {
        return Settings.commandLine(Optional.ofNullable(build), Optional.ofNullable(region), Optional.ofNullable(lookups),
                Optional.ofNullable(versionReporting), Optional.ofNullable(pathMetadata),
                Optional.ofNullable(assetMetadata), Optional.ofNullable(staging), Optional.ofNullable(toolkitStackName),
                notices == null ? List.of() : List.of("--notices"));
    }

    /**
     * The options of the root command followed by those given after the subcommand name: lists are
     * concatenated in command-line order, later single values win, flags are set if set anywhere.
     */
    static ToolkitOptions merge(ToolkitOptions outer, ToolkitOptions inner) {
        List<String> plugins = new ArrayList<>(outer.plugins());
        plugins.addAll(inner.plugins());
        List<String> context = new ArrayList<>(outer.context());
        context.addAll(inner.context());
        ToolkitOptions.Console console = new ToolkitOptions.Console(inner.console().ci().or(() -> outer.console().ci()),
                outer.console().yes() || inner.console().yes(), inner.console().color().or(() -> outer.console().color()));
        return new ToolkitOptions(inner.profile().or(outer::profile), plugins, context,
                outer.verbose() || inner.verbose(), outer.debug() || inner.debug(), inner.app().or(outer::app),
                inner.output().or(outer::output), inner.roleArn().or(outer::roleArn),
                inner.settings().over(outer.settings()), console, outer.strict() || inner.strict());
    }
}
