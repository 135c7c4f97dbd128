package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.config.Settings;
import io.cdkj.toolkit.deploy.DeployMethod;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.ParameterOverrides;
import io.cdkj.toolkit.deploy.RequireApproval;
import io.cdkj.toolkit.deploy.StackProgress;
import io.cdkj.toolkit.deploy.StackSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj deploy}: synthesizes (or reads {@code --app DIR}), asks for the approvals
 * {@code --require-approval} needs, then deploys the selected stacks with WRITE credentials per
 * stack, through change sets unless {@code --method} says otherwise. Progress goes to stderr; the
 * summary and outputs to stdout. Options not given fall back to cdk.json's settings of the same name.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy stacks through CloudFormation change sets, each with WRITE credentials for its account.",
            "Stacks deploy in dependency order; independent stacks deploy in parallel (--concurrency)."},
        footer = "0 deployed (or no changes, or change sets prepared), 6 a stack failed (its first failing resource and"
                + " reason are printed) or a docker image push failed, 5 a docker image build failed, 3 no credentials"
                + " for an account, 2 bad arguments, no container tool (CDK_DOCKER) for a docker image asset, or changes"
                + " that need an approval nobody gave (nothing is deployed then).")
public final class DeployCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*",
            description = "Stacks to deploy (display name, artifact id or stack name; * wildcards). Their dependencies are added.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = "--all", description = "Deploy every stack of the app.")
    private boolean all;

    @Option(names = {"-e", "--exclusively"}, negatable = true, description = "Do not add the stacks the selected ones depend on.")
    private boolean exclusively;

    @Option(names = "--require-approval", paramLabel = "never|any-change|broadening",
            description = "Which changes need approval before anything is deployed: broadening (default: IAM or"
                    + " security group changes that widen permissions), any-change, or never. Asked on a terminal;"
                    + " without one (CI) such changes stop the deployment. Also \"requireApproval\" in cdk.json.")
    private String requireApproval;

    @Option(names = "--progress", paramLabel = "bar|events|errors-only",
            description = "Stack events: events (default: every event), errors-only, or bar (cdkj has no bar: events).")
    private String progress;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD",
            description = "change-set (default): create a change set and execute it; prepare-change-set: create it only;"
                    + " execute-change-set: execute the one --change-set-name names; direct: CreateStack/UpdateStack.")
    private String method;

    @Option(names = "--change-set-name", paramLabel = "NAME", description = "Name of the change set to create (or execute).")
    private String changeSetName;

    @Option(names = "--execute", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Deprecated in the Node CLI: --no-execute is --method prepare-change-set.")
    private boolean execute = true;

    @Option(names = {"-f", "--force"}, negatable = true,
            description = "Deploy even when nothing changed (cdkj always creates a change set) and publish assets even when they are already in place.")
    private boolean force;

    @Option(names = "--rollback", negatable = true, fallbackValue = "true",
            description = "Roll back a failed deployment (default; \"rollback\" in cdk.json). --no-rollback or -R keeps what it created.")
    private Boolean rollback;

    @Option(names = "-R", description = "The same as --no-rollback.")
    private boolean noRollback;

    @Option(names = "--previous-parameters", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep the deployed values of parameters not given (default); --no-previous-parameters: use their defaults.")
    private boolean previousParameters = true;

    @Option(names = "--import-existing-resources", description = "Let the change set import resources that already exist.")
    private boolean importExistingResources;

    @Option(names = "--ignore-no-stacks", description = "Succeed when the app has no stacks.")
    private boolean ignoreNoStacks;

    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Option(names = "--parameters", paramLabel = "[STACK:]KEY=VALUE",
            description = "Template parameter values; without STACK: for every stack declaring KEY. Repeatable.")
    private List<String> parameters = new ArrayList<>();

    @Option(names = {"-t", "--tags"}, paramLabel = "KEY=VALUE",
            description = "Stack tags, on top of the app's and cdk.json's \"tags\". Repeatable.")
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
            description = "Also write the outputs as JSON: {\"Stack\": {\"Key\": \"value\"}} (\"outputsFile\" in cdk.json).")
    private Path outputsFile;

    @Override
    protected int run(Toolkit toolkit) {
        if (concurrency < 1) {
            throw new ToolkitException(ErrorCode.USAGE, "--concurrency must be at least 1, got " + concurrency);
        }
        DeployOptions options = options(toolkit);
        CloudAssembly assembly = toolkit.synth(toolkit.synthSettings(synth.warm(),
                exclusively && !stacks.isEmpty() ? stacks : List.of("**"), true)).assembly();
        if (assembly.stacks().isEmpty() && ignoreNoStacks) {
            toolkit.io().err().println("The app contains no stacks; nothing to deploy (--ignore-no-stacks).");
            return 0;
        }
        options.parameters().requireKnownStacks(assembly.stacks().stream().map(StackArtifact::stackName).toList());
        var selected = StackSelection.select(assembly, stacks, all,
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.UPSTREAM, toolkit.credentialOverrides());
        boolean ci = toolkit.options().console().ci(toolkit.io().environment());
        toolkit.deployEngine().deploy(selected, options,
                new TerminalApprover(toolkit.io(), ci, toolkit.options().console().yes()));
        return 0;
    }

    private DeployOptions options(Toolkit toolkit) {
        Settings settings = toolkit.settings();
        DeployMethod deployMethod = method == null ? DeployMethod.CHANGE_SET : DeployMethod.parse(method);
        if (!execute) {
            if (method != null && deployMethod != DeployMethod.PREPARE_CHANGE_SET) {
                throw new ToolkitException(ErrorCode.USAGE, "--no-execute conflicts with --method " + method
                        + " (--no-execute is --method prepare-change-set)");
            }
            deployMethod = DeployMethod.PREPARE_CHANGE_SET;
        }
        if (changeSetName != null && deployMethod == DeployMethod.DIRECT) {
            throw new ToolkitException(ErrorCode.USAGE, "--change-set-name needs a change set: it cannot go with --method direct");
        }
        Map<String, String> allTags = new LinkedHashMap<>(settings.tags());
        allTags.putAll(TagOptions.parse(tags));
        Optional<Path> outputs = Optional.ofNullable(outputsFile).map(Path::toString).or(settings::outputsFile)
                .map(f -> toolkit.io().workingDirectory().resolve(f));
        return DeployOptions.builder()
                .roleArn(toolkit.options().roleArn())
                .parameters(ParameterOverrides.parse(parameters))
                .tags(allTags)
                .notificationArns(notificationArns)
                .concurrency(concurrency)
                .outputsFile(outputs)
                .assetConcurrency(AssetParallelism.parse(noAssetParallelism ? "false" : assetParallelism,
                        assetBuildConcurrency))
                .method(deployMethod)
                .changeSetName(Optional.ofNullable(changeSetName))
                .force(force)
                .rollback(!noRollback && Optional.ofNullable(rollback).or(settings::rollback).orElse(true))
                .previousParameters(previousParameters)
                .importExistingResources(importExistingResources)
                .progress(progress != null ? StackProgress.parse(progress, "--progress")
                        : settings.progress().map(p -> StackProgress.parse(p, "\"progress\" in cdk.json"))
                                .orElse(StackProgress.EVENTS))
                .requireApproval(requireApproval != null ? RequireApproval.parse(requireApproval, "--require-approval")
                        : settings.requireApproval().map(r -> RequireApproval.parse(r, "\"requireApproval\" in cdk.json"))
                                .orElse(RequireApproval.BROADENING))
                .build();
    }
}
