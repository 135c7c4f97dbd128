package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.synth.Templates;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import io.cdkj.toolkit.deploy.StackSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj synth [STACK...]}: runs the app (with context lookups) into the output directory and,
 * as the Node CDK CLI does, prints the template when exactly one stack is selected (the named ones
 * and what they depend on, unless {@code --exclusively}; without names, the app's only stack), or
 * else where the assembly is and which stack ids exist. Not thread-safe; filled by picocli.
 */
@Command(name = "synth", aliases = "synthesize",
        description = "Synthesize the app: run it, look up missing context, and write the cloud assembly.")
public final class SynthCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*",
            description = "Stacks to synthesize (display name, artifact id or stack name; * wildcards), with the"
                    + " stacks they depend on; the template is printed when that is one stack.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = {"-e", "--exclusively"}, negatable = true, description = "Do not add the stacks the named ones depend on.")
    private boolean exclusively;

    @Option(names = {"-j", "--json"}, description = "Print the template as JSON instead of YAML.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the template (only synthesize).")
    private boolean quiet;

    @Option(names = "--validation", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let the app validate (default); --no-validation gives it CDK_VALIDATION=false.")
    private boolean validation = true;

    @Mixin
    private SynthOptionsMixin options;

    @Override
    protected int run(Toolkit toolkit) {
        CloudAssembly assembly = toolkit.synth(toolkit.synthSettings(options.warm(),
                exclusively && !stacks.isEmpty() ? stacks : List.of("**"), validation)).assembly();
        PrintWriter out = toolkit.io().out();
        PrintWriter err = toolkit.io().err();
        List<StackArtifact> selected = stacks.isEmpty()
                ? (assembly.stacks().size() == 1 ? assembly.stacks() : List.of())
                : StackSelection.selectArtifacts(assembly, stacks, false,
                        exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.UPSTREAM);
        if (selected.size() == 1) {
            if (!quiet) {
                out.println(Templates.render(selected.get(0), json));
            }
            return 0;
        }
        err.println("Successfully synthesized to " + assembly.directory());
        err.println("Supply a stack id (" + String.join(", ", assembly.stackIds()) + ") to display its template.");
        return 0;
    }
}
