package io.cdkj.maven;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn cdkj:list}: synthesizes and logs the stack ids, like {@code cdkj list}. */
@Mojo(name = "list", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class ListMojo extends AbstractCdkjMojo {

    /** Also show each stack's environment, aws://ACCOUNT/REGION (CLI: --long). */
    @Parameter(property = "cdkj.long", defaultValue = "false")
    private boolean longFormat;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException {
        CloudAssembly assembly = synth(toolkit).assembly();
        int width = assembly.stackIds().stream().mapToInt(String::length).max().orElse(0);
        for (StackArtifact stack : assembly.stacks()) {
            getLog().info(longFormat ? String.format("%-" + width + "s  %s", stack.displayName(), stack.environment())
                    : stack.displayName());
        }
    }
}
