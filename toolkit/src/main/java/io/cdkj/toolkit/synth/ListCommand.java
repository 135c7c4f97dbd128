package io.cdkj.toolkit.synth;

import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.cli.SessionCommand;
import io.cdkj.toolkit.cli.ToolkitSession;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cdkj list} / {@code cdkj ls}: synthesizes and prints the stack ids (display names), one per
 * line; {@code --long} adds each stack's environment. Not thread-safe; filled by picocli.
 */
@Command(name = "list", aliases = "ls", description = "List the stacks of the app.")
public final class ListCommand extends SessionCommand {

    @Option(names = {"-l", "--long"}, description = "Also show each stack's environment (aws://ACCOUNT/REGION).")
    private boolean longFormat;

    @Mixin
    private SynthOptions options;

    @Override
    protected int run(ToolkitSession session) {
        CloudAssembly assembly = Synthesis.run(session, options).assembly();
        PrintWriter out = session.io().out();
        int width = assembly.stackIds().stream().mapToInt(String::length).max().orElse(0);
        for (StackArtifact stack : assembly.stacks()) {
            out.println(longFormat
                    ? String.format("%-" + width + "s  %s", stack.displayName(), stack.environment())
                    : stack.displayName());
        }
        return 0;
    }
}
