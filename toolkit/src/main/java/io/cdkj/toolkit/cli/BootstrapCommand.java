package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.bootstrap.BootstrapEnvironments;
import io.cdkj.toolkit.bootstrap.BootstrapOptions;
import io.cdkj.toolkit.bootstrap.BootstrapTemplate;
import io.cdkj.toolkit.deploy.DeployOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj bootstrap}: deploys the bootstrap stack (docs/BOOTSTRAP.md) into the environments named,
 * or every concrete environment of the app's stacks, each with WRITE credentials as a deploy gets them,
 * in parallel. Options have the Node CLI's names and meaning.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Prepare environments for apps using the default synthesizer: the assets bucket and repository,",
            "the deploy, publishing, lookup and execution roles, and the version parameter (stack CDKToolkit).",
            "Without ENVIRONMENTS: every concrete environment of the app's stacks. Environments run in parallel."},
        footer = {"", "Exit codes: 0 bootstrapped (or no changes, or left as it is), 6 an environment failed (each is",
            "named), 3 no credentials for an account, 2 bad arguments."})
public final class BootstrapCommand extends ToolkitCommand {

    @Parameters(paramLabel = "ENVIRONMENTS", arity = "0..*",
            description = "aws://ACCOUNT/REGION, or with * wildcards to pick among the app's environments.")
    private List<String> environments = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "ACCOUNT", split = ",",
            description = "Accounts that may deploy into the environments (replaces the ones trusted now). Repeatable.")
    private List<String> trust = new ArrayList<>();

    @Option(names = "--trust-for-lookup", paramLabel = "ACCOUNT", split = ",",
            description = "Accounts that may only look up values (replaces the ones trusted now). Repeatable.")
    private List<String> trustForLookup = new ArrayList<>();

    @Option(names = "--untrust", paramLabel = "ACCOUNT", split = ",",
            description = "Accounts to remove from the trusted ones (both kinds). Repeatable.")
    private List<String> untrust = new ArrayList<>();

    @Option(names = "--cloudformation-execution-policies", paramLabel = "ARN", split = ",",
            description = "Managed policies CloudFormation deploys with; required with --trust. Default without"
                    + " trusted accounts: AdministratorAccess. Repeatable.")
    private List<String> executionPolicies = new ArrayList<>();

    @Option(names = "--qualifier", paramLabel = "Q",
            description = "Distinguishes several bootstrap stacks in one environment (default: context "
                    + BootstrapOptions.QUALIFIER_CONTEXT + ", the current one, else hnb659fds, the CDK's).")
    private String qualifier;

    // --toolkit-stack-name is the global option (also "toolkitStackName" in cdk.json), as in the Node CLI

    @Option(names = {"-b", "--bootstrap-bucket-name", "--toolkit-bucket-name"}, paramLabel = "NAME",
            description = "Name of the assets bucket (default cdk-QUALIFIER-assets-ACCOUNT-REGION).")
    private String bucketName;

    @Option(names = "--bootstrap-kms-key-id", paramLabel = "KEY",
            description = "An existing KMS key (id, ARN or alias) to encrypt the assets bucket with.")
    private String kmsKeyId;

    @Option(names = "--bootstrap-customer-key", negatable = true,
            description = "Create a customer managed KMS key for the assets bucket (--no-…: S3's AWS managed key)."
                    + " Not given: keep the current choice; S3's AWS managed key for a new stack.")
    private Boolean customerKey;

    @Option(names = "--public-access-block-configuration", negatable = true,
            description = "Block all public access to the assets bucket (default true).")
    private Boolean publicAccessBlock;

    @Option(names = "--termination-protection", negatable = true,
            description = "Turn termination protection of the bootstrap stack on (--no-…: off). Not given: unchanged.")
    private Boolean terminationProtection;

    @Option(names = {"-t", "--tags"}, paramLabel = "KEY=VALUE",
            description = "Tags of the bootstrap stack (not given: unchanged). Repeatable.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--deny-external-id", negatable = true,
            description = "The roles refuse AssumeRole calls that pass an external ID (default true).")
    private Boolean denyExternalId;

    @Option(names = "--with-plugin-roles", negatable = true,
            description = "Also create cdk-readOnlyRole and cdk-writeRole for the assume-role plugin, trusting the"
                    + " --trust accounts (one bootstrap stack per account holds them; --no-…: remove them).")
    private Boolean pluginRoles;

    @Option(names = "--template", paramLabel = "FILE",
            description = "Deploy this bootstrap template (YAML or JSON) instead of cdkj's.")
    private Path template;

    @Option(names = "--show-template", description = "Print the bootstrap template and stop.")
    private boolean showTemplate;

    @Option(names = {"-j", "--json"}, description = "With --show-template: print it as JSON.")
    private boolean json;

    @Option(names = {"-f", "--force"},
            description = "Replace a bootstrap stack of another variant or a newer version, and deploy even when nothing changed.")
    private boolean force;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY,
            description = "Environments bootstrapped at the same time (default ${DEFAULT-VALUE}, as deploy).")
    private int concurrency;

    /** {@code --app} (a command, or a cloud assembly directory such as cdk.out), {@code -o}, {@code --no-lookups}. */
    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Override
    protected int run(Toolkit toolkit) {
        if (concurrency < 1) {
            throw new ToolkitException(ErrorCode.USAGE, "--concurrency must be at least 1, got " + concurrency);
        }
        BootstrapTemplate chosen = template == null ? BootstrapTemplate.bundled()
                : BootstrapTemplate.read(toolkit.io().workingDirectory().resolve(template));
        if (showTemplate) {
            toolkit.io().out().println(json ? chosen.body() : chosen.text().stripTrailing());
            return 0;
        }
        BootstrapOptions options = BootstrapOptions.builder()
                .trust(trust).trustForLookup(trustForLookup).untrust(untrust).executionPolicies(executionPolicies)
                .qualifier(qualifier != null ? qualifier : BootstrapOptions.qualifierIn(toolkit.configuration().context()))
                .toolkitStackName(toolkit.settings().toolkitStackName().orElse(BootstrapOptions.DEFAULT_TOOLKIT_STACK_NAME))
                .bucketName(bucketName).kmsKeyId(kmsKeyId)
                .customerKey(customerKey).publicAccessBlock(publicAccessBlock).terminationProtection(terminationProtection)
                .tags(TagOptions.parse(tags)).denyExternalId(denyExternalId).pluginRoles(pluginRoles).force(force)
                .build();
        List<AwsEnvironment> selected = BootstrapEnvironments.select(environments,
                () -> BootstrapEnvironments.of(toolkit.synth(toolkit.synthSettings(synth.warm(), List.of(), true)).assembly()));
        toolkit.bootstrapper().bootstrap(selected, options, chosen, concurrency);
        return 0;
    }
}
