package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.api.Io;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams as {@code cdkj} uses them: standard output carries the command's
 * results only (tables, JSON, {@code credential_process} JSON), so whatever other code prints to
 * {@code System.out} — a plugin, a library — goes to standard error instead; and standard error masks
 * every known secret ({@link RedactingStream}), the toolkit's own lines and everyone else's logs alike.
 * For the process entry point only: it replaces {@code System.out} and {@code System.err}.
 */
final class ProcessStreams {

    private ProcessStreams() {
    }

    /** Installs the streams and returns the invocation's {@link Io} over them. */
    static Io install() {
        PrintStream results = System.out;
        PrintStream errors = new PrintStream(new RedactingStream(System.err), true, StandardCharsets.UTF_8);
        System.setErr(errors);
        System.setOut(errors);
        Io io = Io.system();
        return new Io(new PrintWriter(new OutputStreamWriter(results, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(errors, StandardCharsets.UTF_8), true), io.in(),
                io.environment(), io.workingDirectory(), io.homeDirectory(), io.pluginPath(), io.outIsTerminal(), io.terminal());
    }
}
