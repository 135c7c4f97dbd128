package io.cdkj.maven;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.deploy.StackSelection;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn cdkj:diff}: compares each stack's synthesized template with the deployed one, like {@code cdkj diff}. */
@Mojo(name = "diff", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class DiffMojo extends AbstractCdkjMojo {

    /** Stacks to compare (display name, artifact id or stack name; * wildcards); default: all. */
    @Parameter(property = "cdkj.stacks")
    private List<String> stacks = new ArrayList<>();

    /** Fail the build when any stack differs (CLI: --fail). */
    @Parameter(property = "cdkj.fail", defaultValue = "false")
    private boolean fail;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException, MojoFailureException {
        var assembly = synth(toolkit).assembly();
        var selected = StackSelection.select(assembly, stacks, stacks.isEmpty(), StackSelection.Extend.NONE,
                toolkit.credentialOverrides());
        int differing = toolkit.differ().diff(selected);
        if (fail && differing > 0) {
            throw new MojoFailureException(differing + " stack" + (differing == 1 ? "" : "s")
                    + " differ from what is deployed (cdkj.fail).");
        }
    }
}
