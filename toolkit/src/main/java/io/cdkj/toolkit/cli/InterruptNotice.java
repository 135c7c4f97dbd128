package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.plugins.PluginExitWatch;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one line {@code cdkj} prints when it is interrupted (Ctrl-C, a CI job cancelled): whichever comes
 * first — the command noticing (the app it ran was stopped) or the shutdown hook of a command that is
 * blocked (waiting for AWS) — prints it, the other stays silent. Without the hook a command blocked in
 * a call would end without a word.
 *
 * <p>Thread-safe; one notice per process.
 */
final class InterruptNotice {

    static final String MESSAGE = "Error: interrupted; cdkj stopped. A CloudFormation deployment or deletion"
            + " that had started continues in AWS.";

    private static final AtomicBoolean PRINTED = new AtomicBoolean();
    private static final AtomicBoolean FINISHED = new AtomicBoolean();

    private InterruptNotice() {
    }

    /**
     * Prints the notice on {@code err} when the JVM shuts down before {@link #finished()} was called.
     * For the process entry point only (an embedder owns its own shutdown).
     */
    static void install(PrintWriter err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A plugin's System.exit is not an interruption: PluginExitWatch reports it.
            if (!FINISHED.get() && PluginExitWatch.exitingPluginCall().isEmpty()) {
                print(err);
            }
        }, "cdkj-interrupt-notice"));
    }

    /** The command is over: exiting now is not an interruption. */
    static void finished() {
        FINISHED.set(true);
    }

    /**
     * Prints the notice unless it was printed already (by the hook or the command, during one shutdown);
     * returns the exit code of an interruption.
     */
    static int print(PrintWriter err) {
        if (PRINTED.compareAndSet(false, true)) {
            err.println(MESSAGE);
            err.flush();
        }
        return ErrorCode.INTERRUPTED.exitCode();
    }
}
