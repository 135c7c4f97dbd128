package io.cdkj.maven;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.synth.Templates;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn cdkj:synth}: compiles the project, runs its CDK app (looking up missing context with read
 * credentials per stack's account, cached in cdk.context.json) and writes the cloud assembly; prints the
 * named stacks' templates (or the only stack's), like {@code cdkj synth}.
 */
@Mojo(name = "synth", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.COMPILE)
public final class SynthMojo extends AbstractCdkjMojo {

    /** Stacks whose template to print (display names). */
    @Parameter(property = "cdkj.stacks")
    private List<String> stacks = new ArrayList<>();

    /** Print templates as JSON instead of YAML (CLI: --json). */
    @Parameter(property = "cdkj.json", defaultValue = "false")
    private boolean json;

    /** Do not print templates (CLI: --quiet). */
    @Parameter(property = "cdkj.quiet", defaultValue = "false")
    private boolean quiet;

    @Override
    protected void run(Toolkit toolkit) throws MojoExecutionException {
        CloudAssembly assembly = synth(toolkit).assembly();
        List<StackArtifact> selected = new ArrayList<>();
        for (String name : stacks) {
            selected.add(assembly.stack(name).orElseThrow(() -> usage("No stack named '" + name
                    + "'. Stacks in this app: " + String.join(", ", assembly.stackIds()))));
        }
        if (selected.isEmpty() && assembly.stacks().size() == 1) {
            selected.add(assembly.stacks().get(0));
        }
        getLog().info("Successfully synthesized to " + assembly.directory());
        if (quiet || selected.isEmpty()) {
            return;
        }
        for (StackArtifact stack : selected) {
            Templates.render(stack, json).lines().forEach(getLog()::info);
        }
    }
}
