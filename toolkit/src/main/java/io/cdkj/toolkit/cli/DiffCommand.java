package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.deploy.StackSelection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj diff}: per stack, the resources, parameters and outputs the synthesized template adds,
 * removes or changes compared with the deployed template (READ credentials).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare each stack's synthesized template with the deployed one (added, removed, changed).")
public final class DiffCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*", description = "Stacks to compare (default: all).")
    private List<String> stacks = new ArrayList<>();

    /** {@code --app} (a command, or a cloud assembly directory), {@code -o}, {@code --no-lookups}. */
    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Option(names = "--fail", description = "Exit 1 when any stack differs.")
    private boolean fail;

    @Override
    protected int run(Toolkit toolkit) {
        var assembly = toolkit.synth(synth.settings()).assembly();
        var selected = StackSelection.select(assembly, stacks, stacks.isEmpty(), StackSelection.Extend.NONE,
                toolkit.credentialOverrides());
        int differing = toolkit.differ().diff(selected);
        return fail && differing > 0 ? 1 : 0;
    }
}
