package io.cdkj.maven;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.app.warm.JavaLaunch;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.bootstrap.BootstrapEnvironments;
import io.cdkj.toolkit.bootstrap.BootstrapOptions;
import io.cdkj.toolkit.bootstrap.BootstrapTemplate;
import io.cdkj.toolkit.deploy.DeployOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn cdkj:bootstrap}: deploys the bootstrap stack (docs/BOOTSTRAP.md) into the environments named,
 * or every concrete environment of the app's stacks, each with write credentials as a deploy gets them,
 * in parallel, like {@code cdkj bootstrap}. The parameters carry the CLI flags' names and meaning.
 */
@Mojo(name = "bootstrap", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class BootstrapMojo extends AbstractCdkjMojo {

    /** aws://ACCOUNT/REGION, or with * wildcards among the app's; none: every environment of the app. */
    @Parameter(property = "cdkj.environments")
    private List<String> environments = new ArrayList<>();

    /** Accounts that may deploy into the environments; replaces the trusted ones (CLI: --trust). */
    @Parameter(property = "cdkj.trust")
    private List<String> trust = new ArrayList<>();

    /** Accounts that may only look up values; replaces the trusted ones (CLI: --trust-for-lookup). */
    @Parameter(property = "cdkj.trustForLookup")
    private List<String> trustForLookup = new ArrayList<>();

    /** Accounts to remove from the trusted ones (CLI: --untrust). */
    @Parameter(property = "cdkj.untrust")
    private List<String> untrust = new ArrayList<>();

    /** Managed policies CloudFormation deploys with; required with trust (CLI: --cloudformation-execution-policies). */
    @Parameter(property = "cdkj.cloudformationExecutionPolicies")
    private List<String> cloudformationExecutionPolicies = new ArrayList<>();

    /** Distinguishes bootstrap stacks in one environment (CLI: --qualifier). */
    @Parameter(property = "cdkj.qualifier")
    private String qualifier;

    /** The bootstrap stack's name (CLI: --toolkit-stack-name). */
    @Parameter(property = "cdkj.toolkitStackName", defaultValue = BootstrapOptions.DEFAULT_TOOLKIT_STACK_NAME)
    private String toolkitStackName = BootstrapOptions.DEFAULT_TOOLKIT_STACK_NAME;

    /** Name of the assets bucket (CLI: --bootstrap-bucket-name). */
    @Parameter(property = "cdkj.bootstrapBucketName")
    private String bootstrapBucketName;

    /** An existing KMS key for the assets bucket (CLI: --bootstrap-kms-key-id). */
    @Parameter(property = "cdkj.bootstrapKmsKeyId")
    private String bootstrapKmsKeyId;

    /** Create a customer managed KMS key for the assets bucket; not set: keep the current choice (CLI: --[no-]bootstrap-customer-key). */
    @Parameter(property = "cdkj.bootstrapCustomerKey")
    private Boolean bootstrapCustomerKey;

    /** Block all public access to the assets bucket (CLI: --[no-]public-access-block-configuration). */
    @Parameter(property = "cdkj.publicAccessBlockConfiguration")
    private Boolean publicAccessBlockConfiguration;

    /** Termination protection of the bootstrap stack; not set: unchanged (CLI: --[no-]termination-protection). */
    @Parameter(property = "cdkj.terminationProtection")
    private Boolean terminationProtection;

    /** Tags of the bootstrap stack KEY=VALUE; none: unchanged (CLI: --tags). */
    @Parameter(property = "cdkj.tags")
    private List<String> tags = new ArrayList<>();

    /** The roles refuse AssumeRole calls that pass an external ID (CLI: --[no-]deny-external-id). */
    @Parameter(property = "cdkj.denyExternalId")
    private Boolean denyExternalId;

    /** Also create the assume-role plugin's cdk-readOnlyRole and cdk-writeRole (CLI: --[no-]with-plugin-roles). */
    @Parameter(property = "cdkj.withPluginRoles")
    private Boolean withPluginRoles;

    /** Deploy this bootstrap template (YAML or JSON) instead of cdkj's (CLI: --template). */
    @Parameter(property = "cdkj.template")
    private File template;

    /** Replace a bootstrap stack of another variant or newer version, deploy even without changes (CLI: --force). */
    @Parameter(property = "cdkj.force", defaultValue = "false")
    private boolean force;

    /** Environments bootstrapped at the same time (CLI: --concurrency). */
    @Parameter(property = "cdkj.concurrency", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY)
    private int concurrency = DeployOptions.DEFAULT_CONCURRENCY;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException {
        if (concurrency < 1) {
            throw usage("cdkj.concurrency must be at least 1, got " + concurrency);
        }
        BootstrapTemplate chosen = template == null ? BootstrapTemplate.bundled()
                : BootstrapTemplate.read(project.getBasedir().toPath().resolve(template.toPath()));
        BootstrapOptions options = BootstrapOptions.builder()
                .trust(nonBlank(trust)).trustForLookup(nonBlank(trustForLookup)).untrust(nonBlank(untrust))
                .executionPolicies(nonBlank(cloudformationExecutionPolicies))
                .qualifier(qualifier != null && !qualifier.isBlank() ? qualifier : BootstrapOptions.qualifierIn(toolkit.configuration().context()))
                .toolkitStackName(toolkitStackName).bucketName(bootstrapBucketName).kmsKeyId(bootstrapKmsKeyId)
                .customerKey(bootstrapCustomerKey).publicAccessBlock(publicAccessBlockConfiguration)
                .terminationProtection(terminationProtection).tags(keyValues("cdkj.tags", tags))
                .denyExternalId(denyExternalId).pluginRoles(withPluginRoles).force(force)
                .build();
        JavaLaunch app = launch();
        List<AwsEnvironment> selected = BootstrapEnvironments.select(nonBlank(environments),
                () -> BootstrapEnvironments.of(toolkit.synth(synthSettings(), app).assembly()));
        toolkit.bootstrapper().bootstrap(selected, options, chosen, concurrency);
    }
}
