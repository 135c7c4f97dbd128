package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.deploy.DeployOptions;
import io.cdkj.toolkit.deploy.StackSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdkj destroy}: deletes the selected stacks (and the stacks depending on them), dependents
 * first, with WRITE credentials per stack, after a confirmation on stdin unless {@code --force}.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Delete stacks, dependents first, each with WRITE credentials for its account.",
            "Asks for confirmation on the terminal unless --force; without a terminal, --force is required."})
public final class DestroyCommand extends ToolkitCommand {

    @Parameters(paramLabel = "STACKS", arity = "0..*", description = "Stacks to destroy; the stacks depending on them are added.")
    private List<String> stacks = new ArrayList<>();

    @Option(names = "--all", description = "Destroy every stack of the app.")
    private boolean all;

    @Option(names = {"-e", "--exclusively"}, negatable = true, description = "Do not add the stacks that depend on the selected ones.")
    private boolean exclusively;

    @Option(names = {"-f", "--force"}, negatable = true, description = "Do not ask for confirmation.")
    private boolean force;

    /** {@code --app} (a command, or a cloud assembly directory), {@code -o}, {@code --no-lookups}. */
    @Mixin
    private SynthOptionsMixin synth = new SynthOptionsMixin();

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + DeployOptions.DEFAULT_CONCURRENCY,
            description = "Stacks of one environment deleted at the same time (default ${DEFAULT-VALUE});"
                + " see 'cdkj deploy --help'.")
    private int concurrency;

    @Override
    protected int run(Toolkit toolkit) {
        if (concurrency < 1) {
            throw new ToolkitException(ErrorCode.USAGE, "--concurrency must be at least 1, got " + concurrency);
        }
        var assembly = toolkit.synth(toolkit.synthSettings(synth.warm(), List.of(), true)).assembly();
        List<ResolvedStack> selected = StackSelection.select(assembly, stacks, all,
                exclusively ? StackSelection.Extend.NONE : StackSelection.Extend.DOWNSTREAM, toolkit.credentialOverrides());
        Io io = toolkit.io();
        String names = selected.stream().map(s -> s.stackName() + " (" + s.environment() + ")").collect(Collectors.joining(", "));
        boolean ci = toolkit.options().console().ci(io.environment());
        boolean confirmed = force || toolkit.options().console().yes()
                || Confirmation.ask(io.in(), Confirmation.interactive(io, ci), io.err(), "delete " + names, "--force");
        if (!confirmed) {
            io.err().println("Destroy cancelled; nothing was deleted.");
            return 0;
        }
        toolkit.deployEngine().destroy(selected, toolkit.options().roleArn(), concurrency);
        return 0;
    }
}
