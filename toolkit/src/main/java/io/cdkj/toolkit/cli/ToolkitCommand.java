package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.ToolkitOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Base for a {@code cdkj} subcommand that needs the per-invocation {@link Toolkit} (configuration,
 * plugins, credentials, synthesis, deploy engine). Extend it, annotate the class with
 * {@code @Command(name = "...")}, implement {@link #run(Toolkit)} returning the exit code, and add the
 * class to {@link Subcommands#all()}. A subcommand parses and prints; the work is the toolkit's.
 *
 * <p>Failures the user can act on are thrown as {@link io.cdkj.toolkit.ToolkitException}; the CLI
 * prints them and maps their code to the exit code. The toolkit is closed by the CLI afterwards.
 */
public abstract class ToolkitCommand implements Callable<Integer> {

    @ParentCommand
    private CdkjCommand root;

    @Mixin
    private GlobalOptionsMixin global;

    /** Runs the command; returns the process exit code (0 for success). */
    protected abstract int run(Toolkit toolkit) throws Exception;

    @Override
    public final Integer call() throws Exception {
        root.useSubcommandOptions(global.toOptions());
        return run(root.toolkit());
    }

    /** The invocation's I/O (writers, environment, working directory) without creating the toolkit. */
    protected final Io io() {
        return root.io();
    }

    /** The global options (given before or after the subcommand name), without creating the toolkit. */
    protected final ToolkitOptions globalOptions() {
        return GlobalOptionsMixin.merge(root.rootOptions(), global.toOptions());
    }
}
