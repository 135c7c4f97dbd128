package io.cdkj.toolkit.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Node CDK CLI's commands and options that cdkj does not have, each with why and what to do
 * instead, so that a pipeline script written for the Node CLI fails on them with one clear line
 * rather than picocli's "Unknown option" — and never has them silently ignored.
 *
 * <p>Stateless and thread-safe.
 */
final class NodeCliOnly {

    private static final String REMOVE = "; remove it";

    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("watch", "cdkj has no watch mode: run 'cdkj deploy' again after a change"),
            Map.entry("import", "import the resources with CloudFormation's IMPORT change sets"),
            Map.entry("migrate", "use the Node CDK CLI for 'cdk migrate'"),
            Map.entry("init", "create the project with the Node CDK CLI's 'cdk init app --language java'"),
            Map.entry("gc", "use the Node CDK CLI for asset garbage collection"),
            Map.entry("rollback", "roll back in the CloudFormation console or with 'aws cloudformation rollback-stack'"),
            Map.entry("drift", "use 'aws cloudformation detect-stack-drift'"),
            Map.entry("refactor", "use the Node CDK CLI for 'cdk refactor'"),
            Map.entry("flags", "set feature flags in cdk.json's \"context\""),
            Map.entry("metadata", "read the stack's metadata in cdk.out/manifest.json"),
            Map.entry("acknowledge", "cdkj shows no notices"),
            Map.entry("ack", "cdkj shows no notices"),
            Map.entry("notices", "cdkj shows no notices"),
            Map.entry("doctor", "'cdkj --version' and 'cdkj plugins' show what cdkj uses"),
            Map.entry("docs", "see docs/ in the cdkj repository"),
            Map.entry("doc", "see docs/ in the cdkj repository"),
            Map.entry("validate", "run 'cdkj synth' (the app validates) or 'cdkj diff'"),
            Map.entry("diagnose", "read the first failing resource's reason that 'cdkj deploy' prints"),
            Map.entry("publish-assets", "'cdkj deploy' publishes the assets it needs"),
            Map.entry("orphan", "use the Node CDK CLI for 'cdk orphan'"),
            Map.entry("explore", "use the Node CDK CLI for 'cdk explore'"),
            Map.entry("lsp", "use the Node CDK CLI for 'cdk lsp'"),
            Map.entry("cli-telemetry", "cdkj sends no telemetry"));

    private static final String BOUNDARY = "cdkj's bootstrap template takes no permissions boundary; give your own"
            + " template with --template";

    private static final Map<String, String> GLOBAL = Map.ofEntries(
            Map.entry("--trace", "cdkj has no stack traces for warnings" + REMOVE),
            Map.entry("--no-trace", "cdkj has no stack traces for warnings" + REMOVE),
            Map.entry("--ignore-errors", "cdkj always stops on synthesis errors" + REMOVE),
            Map.entry("--debug-app", "use --debug (it sets CDK_DEBUG=true for the app)"),
            Map.entry("--debug-cli", "use --debug"),
            Map.entry("--proxy", "set HTTPS_PROXY (the AWS SDK for Java reads it) instead"),
            Map.entry("--ca-bundle-path", "give the JVM a trust store instead: CDKJ_JAVA_OPTS=-Djavax.net.ssl.trustStore=FILE"),
            Map.entry("--ec2creds", "the AWS SDK default chain already tries EC2 instance credentials" + REMOVE),
            Map.entry("--no-ec2creds", "the AWS SDK default chain decides" + REMOVE),
            Map.entry("-i", "the AWS SDK default chain already tries EC2 instance credentials" + REMOVE),
            Map.entry("--unstable", "cdkj has none of the Node CLI's unstable features" + REMOVE),
            Map.entry("--telemetry-file", "cdkj sends no telemetry" + REMOVE));

    private static final Map<String, Map<String, String>> PER_COMMAND = Map.of(
            "deploy", Map.ofEntries(
                    Map.entry("--hotswap", "cdkj always deploys through CloudFormation" + REMOVE),
                    Map.entry("--no-hotswap", "cdkj always deploys through CloudFormation" + REMOVE),
                    Map.entry("--hotswap-fallback", "cdkj always deploys through CloudFormation" + REMOVE),
                    Map.entry("--no-hotswap-fallback", "cdkj always deploys through CloudFormation" + REMOVE),
                    Map.entry("--hotswap-ecs-minimum-healthy-percent", "cdkj has no hotswap deployments" + REMOVE),
                    Map.entry("--hotswap-ecs-maximum-healthy-percent", "cdkj has no hotswap deployments" + REMOVE),
                    Map.entry("--hotswap-ecs-stabilization-timeout-seconds", "cdkj has no hotswap deployments" + REMOVE),
                    Map.entry("--watch", "cdkj has no watch mode" + REMOVE),
                    Map.entry("--no-watch", "cdkj has no watch mode" + REMOVE),
                    Map.entry("--logs", "cdkj has no watch mode, so no log streaming" + REMOVE),
                    Map.entry("--no-logs", "cdkj has no watch mode, so no log streaming" + REMOVE),
                    Map.entry("--build-exclude", "cdkj builds every docker image asset not yet in its repository" + REMOVE),
                    Map.entry("-E", "cdkj builds every docker image asset not yet in its repository" + REMOVE),
                    Map.entry("--asset-prebuild", "cdkj always starts every docker image before the first stack deploys" + REMOVE),
                    Map.entry("--no-asset-prebuild", "cdkj always starts every docker image before the first stack deploys" + REMOVE),
                    Map.entry("--rollback-trigger-alarm-arns", "set the rollback triggers in the CloudFormation console"),
                    Map.entry("--monitoring-time-minutes", "set the rollback triggers in the CloudFormation console"),
                    Map.entry("--revert-drift", "cdkj creates no drift-aware change sets" + REMOVE),
                    Map.entry("--express", "cdkj has no express mode" + REMOVE)),
            "bootstrap", Map.ofEntries(
                    Map.entry("--example-permissions-boundary", BOUNDARY), Map.entry("--epb", BOUNDARY),
                    Map.entry("--no-example-permissions-boundary", BOUNDARY),
                    Map.entry("--custom-permissions-boundary", BOUNDARY), Map.entry("--cpb", BOUNDARY),
                    Map.entry("--apply-permissions-boundary-to-all-roles", BOUNDARY),
                    Map.entry("--no-apply-permissions-boundary-to-all-roles", BOUNDARY),
                    Map.entry("--execute", "cdkj bootstrap always executes its change sets" + REMOVE),
                    Map.entry("--no-execute", "cdkj bootstrap always executes its change sets" + REMOVE),
                    Map.entry("--previous-parameters", "cdkj bootstrap merges the current stack's parameters with the"
                            + " options, as the Node CLI does by default" + REMOVE),
                    Map.entry("--no-previous-parameters", "cdkj bootstrap merges the current stack's parameters with the"
                            + " options" + REMOVE),
                    Map.entry("--import-existing-resources", "cdkj's bootstrap change sets import nothing" + REMOVE),
                    Map.entry("--no-import-existing-resources", "cdkj's bootstrap change sets import nothing" + REMOVE),
                    Map.entry("--express", "cdkj has no express mode" + REMOVE)),
            "synth", Map.of("--watch", "cdkj has no watch mode" + REMOVE, "--no-watch", "cdkj has no watch mode" + REMOVE),
            "destroy", Map.of("--express", "cdkj has no express mode" + REMOVE),
            "diff", Map.ofEntries(
                    Map.entry("--template", "deploy the template, or compare it by hand; cdkj diffs against the deployed stack"),
                    Map.entry("--fail-on", "use --fail (any change) or --security-only --fail (widening changes)"),
                    Map.entry("--processed", "cdkj compares the original templates" + REMOVE),
                    Map.entry("--include-moves", "cdkj does not detect resource moves" + REMOVE),
                    Map.entry("--change-set-name", "cdkj names its diff change sets itself" + REMOVE),
                    Map.entry("--import-existing-resources", "cdkj's diff change sets import nothing" + REMOVE),
                    Map.entry("--parameters", "cdkj's diff change sets keep the deployed parameter values" + REMOVE)));

    private NodeCliOnly() {
    }

    /**
     * The message for the first of {@code unmatched} (what picocli could not parse in {@code command})
     * that is a Node CLI command or option cdkj does not support, if any.
     *
     * @param command the subcommand's name, or {@code cdkj} for the root
     */
    static Optional<String> explain(String command, List<String> unmatched) {
        for (String argument : unmatched) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (command.equals("cdkj") && COMMANDS.containsKey(name)) {
                return Optional.of("'" + name + "' is a Node CDK CLI command that cdkj does not support (yet): "
                        + COMMANDS.get(name) + ".");
            }
            String hint = PER_COMMAND.getOrDefault(command, Map.of()).get(name);
            if (hint == null) {
                hint = GLOBAL.get(name);
            }
            if (hint != null) {
                return Optional.of(name + " is a Node CDK CLI option that cdkj does not support (yet): " + hint + ".");
            }
        }
        return Optional.empty();
    }

    /** Every command listed, for the docs test. */
    static List<String> commands() {
        return COMMANDS.keySet().stream().sorted().toList();
    }
}
