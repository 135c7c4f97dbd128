package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JvmShutdown;
import io.cdkj.toolkit.Secrets;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Turns a command's failure into the one {@code Error: } line and the exit code: a
 * {@link ToolkitException} prints its message and exits with its code; an interruption prints the
 * {@link InterruptNotice}; anything else is an internal error (exit 1) with a hint to re-run with
 * {@code --debug}, which adds the stack trace. Every message passes through
 * {@link UntrustedText#message}, as parts of it come from plugins, the SDK, files and the app: it is
 * one line of bounded length, whatever they wrote.
 *
 * <p>One per invocation; not thread-safe.
 */
final class ErrorReporter {

    /** Exit code for an unexpected (internal) error. */
    static final int INTERNAL_ERROR = 1;

    private final PrintWriter err;
    private final BooleanSupplier debug;
    private ToolkitException reported;

    /** @param debug whether {@code --debug} was given (known once the command line is parsed) */
    ErrorReporter(PrintWriter err, BooleanSupplier debug) {
        this.err = err;
        this.debug = debug;
    }

    /** Prints {@code failure} and returns the exit code. */
    int report(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (JvmShutdown.inProgress() || isInterruption(cause)) {
            if (JvmShutdown.inProgress()) {
                // Whatever failed now failed because the process is being stopped: say that, once.
                return InterruptNotice.print(err);
            }
            printLine(cause instanceof ToolkitException t ? t.getMessage() : "interrupted");
            printStackTraceIfDebug(cause);
            return ErrorCode.INTERRUPTED.exitCode();
        }
        if (cause instanceof ToolkitException toolkit) {
            reported = toolkit;
            printLine(toolkit.getMessage());
            printStackTraceIfDebug(toolkit);
            return toolkit.code().exitCode();
        }
        printLine("unexpected " + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + (debug.getAsBoolean() ? "" : " (re-run with --debug for details)"));
        printStackTraceIfDebug(cause);
        return INTERNAL_ERROR;
    }

    /**
     * Ends a command that a plugin's wrong-account credentials touched with that error, whatever the
     * command returned (an operation may have reported the refused call as its own failure); printed
     * unless it was the command's error already.
     */
    int overrule(int exitCode, ToolkitException violation) {
        if (violation != reported) {
            printLine(violation.getMessage());
        }
        return violation.code().exitCode();
    }

    /** Prints a warning line (e.g. a resource that failed to close after the command). */
    void warn(String message) {
        err.println("Warning: " + UntrustedText.message(message));
    }

    private void printLine(String message) {
        err.println("Error: " + UntrustedText.message(message));
    }

    private void printStackTraceIfDebug(Throwable failure) {
        if (debug.getAsBoolean()) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.redact(trace.toString()));
        }
    }

    private static boolean isInterruption(Throwable cause) {
        return cause instanceof InterruptedException
                || cause instanceof ToolkitException t && t.code() == ErrorCode.INTERRUPTED;
    }

    /**
     * The failure to report: past the wrappers of concurrency, and to the toolkit's own exception when
     * one is among the causes (the SDK wraps what a credentials provider throws).
     */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof ExecutionException || current instanceof CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        for (Throwable cause = current; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ToolkitException) {
                return cause;
            }
        }
        return current;
    }
}
