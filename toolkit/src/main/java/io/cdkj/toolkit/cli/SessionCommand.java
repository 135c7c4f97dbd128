package io.cdkj.toolkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Base for a {@code cdkj} subcommand that needs the per-invocation {@link ToolkitSession}
 * (configuration, plugins, credentials, SDK clients). Extend it, annotate the class with
 * {@code @Command(name = "...")}, implement {@link #run(ToolkitSession)} returning the exit code,
 * and add the class to {@link Subcommands#all()}.
 *
 * <p>Failures the user can act on are thrown as {@link io.cdkj.toolkit.ToolkitException}; the CLI
 * prints them and maps their code to the exit code. The session is closed by the CLI afterwards.
 */
public abstract class SessionCommand implements Callable<Integer> {

    @ParentCommand
    private CdkjCommand root;

    @Mixin
    private GlobalOptionsMixin global;

    /** Runs the command; returns the process exit code (0 for success). */
    protected abstract int run(ToolkitSession session) throws Exception;

    @Override
    public final Integer call() throws Exception {
        root.useSubcommandOptions(global.toOptions());
        return run(root.session());
    }

    /** The invocation's I/O (writers, environment, working directory) without creating a session. */
    protected final Io io() {
        return root.io();
    }

    /** The global options (given before or after the subcommand name), without creating a session. */
    protected final GlobalOptions globalOptions() {
        return GlobalOptions.merge(root.rootOptions(), global.toOptions());
    }
}
