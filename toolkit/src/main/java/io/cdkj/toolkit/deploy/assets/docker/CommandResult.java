package io.cdkj.toolkit.deploy.assets.docker;

import java.util.List;
import java.util.Objects;

/**
 * How a command ended, with secrets already redacted.
 *
 * @param exitCode   its exit code
 * @param stdout     what it printed on stdout (capped; the start is kept)
 * @param stderrTail its last stderr lines (or, when it printed nothing there, its last stdout lines)
 *
 * <p>Immutable.
 */
public record CommandResult(int exitCode, String stdout, List<String> stderrTail) {

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        stderrTail = List.copyOf(stderrTail);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last lines joined for a one-line message: {@code line 1 | line 2}. */
    public String tail() {
        return String.join(" | ", stderrTail);
    }
}
