package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Runs one {@code cdkj} invocation in-process: parse, run the subcommand, report errors, close the
 * toolkit (also on failure). Tests call {@link #execute(String[], Io)} and assert on the exit code
 * and the writers of their {@link Io}.
 *
 * <p>Error reporting ({@link ErrorReporter}): a {@link io.cdkj.toolkit.ToolkitException} prints
 * {@code Error: <message>} on one line and exits with its code's exit code; a bad command line prints
 * the message and the usage hint and exits 2; anything else prints one line with a hint to re-run with
 * {@code --debug} and exits 1. Stack traces only with {@code --debug}.
 *
 * <p>Stateless and thread-safe; each call builds its own command tree.
 */
public final class CdkjCli {

    /** Exit code for an unexpected (internal) error. */
    public static final int INTERNAL_ERROR = ErrorReporter.INTERNAL_ERROR;

    private CdkjCli() {
    }

    /** Runs {@code cdkj args} against {@code io} and returns the process exit code. */
    public static int execute(String[] args, Io io) {
        return execute(args, io, List.of());
    }

    /**
     * Like {@link #execute(String[], Io)} with additional subcommands (classes or instances), e.g. a
     * test command, or an embedder's own.
     */
    public static int execute(String[] args, Io io, List<Object> extraSubcommands) {
        Logging.configure(Arrays.asList(args));
        CdkjCommand root = new CdkjCommand(io);
        ErrorReporter reporter = new ErrorReporter(io.err(), root::debug);
        CommandLine commandLine = new CommandLine(root);
        Subcommands.all().forEach(commandLine::addSubcommand);
        extraSubcommands.forEach(commandLine::addSubcommand);
        commandLine.setOut(io.out())
                .setErr(io.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(CdkjCli::onParameterError)
                .setExecutionExceptionHandler((e, cl, parsed) -> reporter.report(e));
        try {
            int exitCode = run(commandLine, args, reporter);
            Optional<ToolkitException> violation = root.createdToolkit().flatMap(Toolkit::pluginViolation);
            return violation.isPresent() ? reporter.overrule(exitCode, violation.get()) : exitCode;
        } finally {
            closeToolkit(root, reporter);
            io.out().flush();
            io.err().flush();
        }
    }

    private static int run(CommandLine commandLine, String[] args, ErrorReporter reporter) {
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error that reached this point (an
            // assertion, a stack overflow in host code) is still one line, unless the JVM itself is
            // broken (out of memory), when nothing can be trusted to run.
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            return reporter.report(e);
        }
    }

    private static int onParameterError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        java.io.PrintWriter err = failed.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var nodeOnly = NodeCliOnly.explain(failed.getCommandName(), unmatched.getUnmatched());
            if (nodeOnly.isPresent()) {
                err.println("Error: " + UntrustedText.message(nodeOnly.get()));
                return ErrorCode.USAGE.exitCode();
            }
        }
        err.println("Error: " + UntrustedText.message(e.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ErrorCode.USAGE.exitCode();
    }

    private static void closeToolkit(CdkjCommand root, ErrorReporter reporter) {
        root.createdToolkit().ifPresent(toolkit -> {
            try {
                toolkit.close();
            } catch (RuntimeException e) {
                // Closing must not hide the command's own result; say it happened and move on.
                reporter.warn("failed to release resources: " + e.getMessage());
            }
        });
    }
}
