package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.deploy.StackSelection;
import io.cdkj.toolkit.synth.StackListing;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj list} / {@code cdkj ls}: synthesizes and prints the stacks as the Node CDK CLI does
 * (see {@link StackListing}). Not thread-safe; filled by picocli.
 */
@Command(name = "list", aliases = "ls", description = "List the stacks of the app.")
public final class ListCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*",
            description = "Stacks to list (display name, artifact id or stack name; * wildcards), with what they depend on."
                    + " Default: every stack.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = {"-l", "--long"}, description = "Each stack's id, name and environment (YAML; JSON with --json).")
    private boolean longFormat;

    @Option(names = {"-d", "--show-dependencies"}, description = "Each stack's id and the stacks it depends on.")
    private boolean showDependencies;

    @Option(names = {"-j", "--json"}, description = "JSON instead of YAML for --long and --show-dependencies.")
    private boolean json;

    @Mixin
    private SynthOptionsMixin options;

    @Override
    protected int run(Toolkit toolkit) {
        CloudAssembly assembly = toolkit.synth(toolkit.synthSettings(options.warm(), List.of(), true)).assembly();
        List<StackArtifact> selected = stacks.isEmpty() ? assembly.stacks()
                : StackSelection.selectArtifacts(assembly, stacks, false, StackSelection.Extend.UPSTREAM);
        PrintWriter out = toolkit.io().out();
        String listing = StackListing.render(assembly, selected, longFormat, showDependencies, json);
        if (!listing.isEmpty()) {
            out.println(listing);
        }
        return 0;
    }
}
