package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.api.Toolkit;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cdkj list} / {@code cdkj ls}: synthesizes and prints the stack ids (display names), one per
 * line; {@code --long} adds each stack's environment. Not thread-safe; filled by picocli.
 */
@Command(name = "list", aliases = "ls", description = "List the stacks of the app.")
public final class ListCommand extends ToolkitCommand {

    @Option(names = {"-l", "--long"}, description = "Also show each stack's environment (aws://ACCOUNT/REGION).")
    private boolean longFormat;

    @Mixin
    private SynthOptionsMixin options;

    @Override
    protected int run(Toolkit toolkit) {
        CloudAssembly assembly = toolkit.synth(options.settings()).assembly();
        PrintWriter out = toolkit.io().out();
        int width = assembly.stackIds().stream().mapToInt(String::length).max().orElse(0);
        for (StackArtifact stack : assembly.stacks()) {
            out.println(longFormat
                    ? String.format("%-" + width + "s  %s", stack.displayName(), stack.environment())
                    : stack.displayName());
        }
        return 0;
    }
}
