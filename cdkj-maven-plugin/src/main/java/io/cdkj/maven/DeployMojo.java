package io.cdkj.maven;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.ParameterOverrides;
import io.cdkj.toolkit.deploy.StackSelection;
import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn cdkj:deploy}: synthesizes, then deploys the selected stacks through CloudFormation change
 * sets, each with write credentials for its account, in dependency order and in parallel across
 * accounts, like {@code cdkj deploy}. The CI line: {@code mvn package cdkj:deploy -Dcdkj.all -Dcdkj.plugin=assume-role}.
 */
@Mojo(name = "deploy", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class DeployMojo extends AbstractCdkjMojo {

    /** Stacks to deploy (display name, artifact id or stack name; * wildcards); their dependencies are added. */
    @Parameter(property = "cdkj.stacks")
    private List<String> stacks = new ArrayList<>();

    /** Deploy every stack of the app (CLI: --all). */
    @Parameter(property = "cdkj.all", defaultValue = "false")
    private boolean all;

    /** Do not add the stacks the selected ones depend on (CLI: --exclusively). */
    @Parameter(property = "cdkj.exclusively", defaultValue = "false")
    private boolean exclusively;

    /** CloudFormation service role for every stack (CLI: --role-arn). */
    @Parameter(property = "cdkj.roleArn")
    private String roleArn;

    /** Template parameter values [STACK:]KEY=VALUE (CLI: --parameters). */
    @Parameter(property = "cdkj.parameters")
    private List<String> parameters = new ArrayList<>();

    /** Stack tags KEY=VALUE, on top of the app's (CLI: --tags). */
    @Parameter(property = "cdkj.tags")
    private List<String> tags = new ArrayList<>();

    /** SNS topics CloudFormation notifies of stack events (CLI: --notification-arns). */
    @Parameter(property = "cdkj.notificationArns")
    private List<String> notificationArns = new ArrayList<>();

    /** Stacks deployed at the same time (CLI: --concurrency). */
    @Parameter(property = "cdkj.concurrency", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY)
    private int concurrency = DeployOptions.DEFAULT_CONCURRENCY;

    /** Also write the outputs as JSON {"Stack": {"Key": "value"}} (CLI: --outputs-file). */
    @Parameter(property = "cdkj.outputsFile")
    private File outputsFile;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException {
        if (concurrency < 1) {
            throw usage("cdkj.concurrency must be at least 1, got " + concurrency);
        }
        DeployOptions options = new DeployOptions(Optional.ofNullable(roleArn).filter(r -> !r.isBlank()),
                ParameterOverrides.parse(parameters), keyValues("cdkj.tags", tags), notificationArns, concurrency,
                Optional.ofNullable(outputsFile).map(File::toPath), AssetConcurrency.DEFAULT);
        var assembly = synth(toolkit).assembly();
        var selected = StackSelection.select(assembly, stacks, all,
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.UPSTREAM, toolkit.credentialOverrides());
        toolkit.deployEngine().deploy(selected, options);
    }
}
