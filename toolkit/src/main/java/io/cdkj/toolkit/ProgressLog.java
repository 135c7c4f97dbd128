package io.cdkj.toolkit;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where long operations (deploy, asset publishing) report progress: whole lines, each prefixed with the stack it concerns,
 * so the output of stacks deploying in parallel stays readable.
 *
 * <p>Thread-safe: each line is written and flushed under one lock, so lines from parallel stacks
 * never interleave mid-line.
 */
public final class ProgressLog {

    private final PrintWriter out;

    public ProgressLog(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes {@code stack | text}. */
    public void stack(String stack, String text) {
        line(stack + " | " + text);
    }

    /** Writes {@code text} as it is. */
    public void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
