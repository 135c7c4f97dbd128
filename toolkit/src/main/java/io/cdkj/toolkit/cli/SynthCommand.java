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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj synth [STACK...]}: runs the app (with context lookups) into the output directory;
 * prints the named stacks' templates, or — without names — where the assembly is and which stack
 * ids exist. Not thread-safe; filled by picocli.
 */
@Command(name = "synth", aliases = "synthesize",
        description = "Synthesize the app: run it, look up missing context, and write the cloud assembly.")
public final class SynthCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACK", arity = "0..*", description = "Stacks whose template to print (display names).")
    private List<String> stacks = new ArrayList<>();

    @Option(names = {"-j", "--json"}, description = "Print templates as JSON instead of YAML.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Do not print templates (only synthesize).")
    private boolean quiet;

    @Mixin
    private SynthOptionsMixin options;

    @Override
    protected int run(Toolkit toolkit) {
        CloudAssembly assembly = toolkit.synth(options.settings()).assembly();
        PrintWriter out = toolkit.io().out();
        PrintWriter err = toolkit.io().err();
        List<StackArtifact> selected = new ArrayList<>();
        for (String name : stacks) {
            selected.add(assembly.stack(name).orElseThrow(() -> new ToolkitException(ErrorCode.USAGE,
                    "No stack named '" + name + "'. Stacks in this app: " + String.join(", ", assembly.stackIds()))));
        }
        if (selected.isEmpty() && assembly.stacks().size() == 1) {
            selected.add(assembly.stacks().get(0));
        }
        if (quiet || selected.isEmpty()) {
            err.println("Successfully synthesized to " + assembly.directory());
            if (selected.isEmpty()) {
                err.println("Supply a stack id (" + String.join(", ", assembly.stackIds()) + ") to display its template.");
            }
            return 0;
        }
        for (int i = 0; i < selected.size(); i++) {
            if (i > 0) {
                out.println(json ? "" : "---");
            }
            out.println(Templates.render(selected.get(i), json));
        }
        return 0;
    }
}
