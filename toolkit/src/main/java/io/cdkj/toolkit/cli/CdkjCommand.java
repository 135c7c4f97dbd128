package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.ToolkitOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command {@code cdkj}: global options (also accepted after the subcommand name, see
 * {@link GlobalOptionsMixin}) and the per-invocation {@link Toolkit}.
 *
 * <p>Subcommands reach the toolkit with {@code @ParentCommand CdkjCommand root; root.toolkit()} — or
 * simply extend {@link ToolkitCommand}. Not thread-safe (one invocation); the toolkit it hands out is.
 */
@Command(
        name = "cdkj",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "A JVM-native AWS CDK toolkit with credential plugins for multi-account apps.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    success",
            "  1    unexpected internal error (re-run with --debug and report it)",
            "  2    usage: bad command line, option value or configuration file",
            "  3    credentials: no credentials act in the target account",
            "  4    plugin: a plugin failed to load, broke its contract, or gave",
            "       credentials for the wrong account",
            "  5    app: the CDK app could not be run or failed",
            "  6    aws: an AWS call failed (lookup, deployment)",
            "  7    assembly: the cloud assembly is missing or corrupt",
            "  130  interrupted"
        })
public final class CdkjCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private GlobalOptionsMixin global;

    private final Io io;
    private Toolkit toolkit;
    private ToolkitOptions effective;

    CdkjCommand(Io io) {
        this.io = io;
    }

    /**
     * The options as parsed: the root's merged with the running subcommand's once it has reported
     * them through {@link #useSubcommandOptions(GlobalOptions)}.
     */
    public synchronized ToolkitOptions options() {
        return effective != null ? effective : global.toOptions();
    }

    /** The global options given before the subcommand name. */
    ToolkitOptions rootOptions() {
        return global.toOptions();
    }

    /** Called by a subcommand before it runs, with the global options given after its name. */
    synchronized void useSubcommandOptions(ToolkitOptions subcommandOptions) {
        if (toolkit != null) {
            throw new IllegalStateException("the toolkit was created before the subcommand's options were known");
        }
        effective = GlobalOptionsMixin.merge(global.toOptions(), subcommandOptions);
    }

    /** The invocation's I/O. */
    public Io io() {
        return io;
    }

    /** The invocation's toolkit, created on first use; closed by {@link CdkjCli} after the command. */
    public synchronized Toolkit toolkit() {
        if (toolkit == null) {
            toolkit = new Toolkit(io, options());
        }
        return toolkit;
    }

    /** The toolkit if one was created, for closing. */
    synchronized Optional<Toolkit> createdToolkit() {
        return Optional.ofNullable(toolkit);
    }

    boolean debug() {
        return options().debug();
    }

    /** {@code cdkj} without a subcommand: usage on stderr, usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(io.err());
        return ErrorCode.USAGE.exitCode();
    }
}
