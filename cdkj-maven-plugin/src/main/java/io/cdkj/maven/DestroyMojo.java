package io.cdkj.maven;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.StackSelection;
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
 * {@code mvn cdkj:destroy -Dcdkj.force}: deletes the selected stacks and their dependents, dependents
 * first, each with write credentials for its account, like {@code cdkj destroy --force}. Maven cannot
 * ask for confirmation, so {@code force} is required.
 */
@Mojo(name = "destroy", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class DestroyMojo extends AbstractCdkjMojo {

    /** Stacks to destroy; the stacks depending on them are added. */
    @Parameter(property = "cdkj.stacks")
    private List<String> stacks = new ArrayList<>();

    /** Destroy every stack of the app (CLI: --all). */
    @Parameter(property = "cdkj.all", defaultValue = "false")
    private boolean all;

    /** Do not add the stacks that depend on the selected ones (CLI: --exclusively). */
    @Parameter(property = "cdkj.exclusively", defaultValue = "false")
    private boolean exclusively;

    /** Delete without confirmation; required, since Maven cannot ask (CLI: --force). */
    @Parameter(property = "cdkj.force", defaultValue = "false")
    private boolean force;

    /** CloudFormation service role for the deletion (CLI: --role-arn). */
    @Parameter(property = "cdkj.roleArn")
    private String roleArn;

    /** Stacks deleted at the same time (CLI: --concurrency). */
    @Parameter(property = "cdkj.concurrency", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY)
    private int concurrency = DeployOptions.DEFAULT_CONCURRENCY;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException {
        if (!force) {
            throw usage("cdkj:destroy deletes stacks without asking: confirm with -Dcdkj.force (or <force>true</force>).");
        }
        if (concurrency < 1) {
            throw usage("cdkj.concurrency must be at least 1, got " + concurrency);
        }
        var assembly = synth(toolkit).assembly();
        var selected = StackSelection.select(assembly, stacks, all,
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.DOWNSTREAM, toolkit.credentialOverrides());
        toolkit.deployEngine().destroy(selected, Optional.ofNullable(roleArn).filter(r -> !r.isBlank()), concurrency);
    }
}
