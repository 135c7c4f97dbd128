package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.ParameterOverrides;
import io.cdkj.toolkit.deploy.StackSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj deploy}: synthesizes (or reads {@code --app DIR}), then deploys the selected stacks
 * through CloudFormation change sets with WRITE credentials per stack. Progress goes to stderr; the
 * summary and outputs to stdout.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy stacks through CloudFormation change sets, each with WRITE credentials for its account.",
            "Stacks deploy in dependency order; independent stacks deploy in parallel (--concurrency)."},
        footer = {"", "Exit codes: 0 deployed (or no changes), 6 a stack failed (its first failing resource and reason are",
            "printed) or a docker image push failed, 5 a docker image build failed, 3 no credentials for an account,",
            "2 bad arguments or no container tool (CDK_DOCKER) for a docker image asset."})
public final class DeployCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*",
            description = "Stacks to deploy (display name, artifact id or stack name; * wildcards). Their dependencies are added.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = "--all", description = "Deploy every stack of the app.")
    private boolean all;

    @Option(names = {"-e", "--exclusively"}, description = "Do not add the stacks the selected ones depend on.")
    private boolean exclusively;

    /** {@code --app} (a command, or a cloud assembly directory such as cdk.out to deploy without synthesizing), {@code -o}, {@code --no-lookups}. */
    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "CloudFormation service role for every stack (default: the stack's cloudFormationExecutionRoleArn, if any).")
    private String roleArn;

    @Option(names = "--parameters", paramLabel = "[STACK:]KEY=VALUE",
            description = "Template parameter values; without STACK: for every stack declaring KEY. Repeatable.")
    private List<String> parameters = new ArrayList<>();

    @Option(names = {"-t", "--tags"}, paramLabel = "KEY=VALUE", description = "Stack tags, on top of the app's. Repeatable.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--notification-arns", paramLabel = "ARN", split = ",",
            description = "SNS topics CloudFormation notifies of stack events, added to the app's. Repeatable.")
    private List<String> notificationArns = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY,
            description = "Stacks of one environment (account and region) deployed at the same time (default"
                + " ${DEFAULT-VALUE}; the CDK CLI's is 1 for the whole app). Stacks of different environments do not"
                + " contend for any API limit: up to " + AwsConcurrency.MAX_PARALLEL_ENVIRONMENTS + " ("
                + AwsConcurrency.DEFAULT_MAX_PARALLEL_ENVIRONMENTS + ") environments deploy at once."
                + " Dependencies are always respected.")
    private int concurrency;

    @Option(names = "--asset-parallelism", paramLabel = "true|false|N", arity = "0..1", fallbackValue = "true",
            defaultValue = "true",
            description = "Publish docker image assets in parallel (default ${DEFAULT-VALUE}: 8 destinations at once, as the"
                + " CDK CLI), one at a time (false), or N destinations at once.")
    private String assetParallelism;

    @Option(names = "--no-asset-parallelism", description = "Same as --asset-parallelism=false.")
    private boolean noAssetParallelism;

    @Option(names = "--asset-build-concurrency", paramLabel = "N", defaultValue = "1",
            description = "Docker images built at the same time when asset parallelism is on (default ${DEFAULT-VALUE}, as the CDK CLI).")
    private int assetBuildConcurrency;

    @Option(names = {"-O", "--outputs-file"}, paramLabel = "FILE",
            description = "Also write the outputs as JSON: {\"Stack\": {\"Key\": \"value\"}}.")
    private Path outputsFile;

    @Override
    protected int run(Toolkit toolkit) {
        if (concurrency < 1) {
            throw new ToolkitException(ErrorCode.USAGE, "--concurrency must be at least 1, got " + concurrency);
        }
        DeployOptions options = new DeployOptions(Optional.ofNullable(roleArn), ParameterOverrides.parse(parameters),
                TagOptions.parse(tags), notificationArns, concurrency,
                Optional.ofNullable(outputsFile).map(f -> toolkit.io().workingDirectory().resolve(f)),
                AssetParallelism.parse(noAssetParallelism ? "false" : assetParallelism, assetBuildConcurrency));
        var assembly = toolkit.synth(synth.settings()).assembly();
        options.parameters().requireKnownStacks(assembly.stacks().stream().map(StackArtifact::stackName).toList());
        var selected = StackSelection.select(assembly, stacks, all,
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.UPSTREAM, toolkit.credentialOverrides());
        toolkit.deployEngine().deploy(selected, options);
        return 0;
    }
}
