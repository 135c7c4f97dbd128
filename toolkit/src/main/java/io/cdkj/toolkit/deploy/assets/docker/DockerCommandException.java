package io.cdkj.toolkit.deploy.assets.docker;

import java.util.Objects;

/**
 * A container tool command that exited non-zero. The publisher turns it into a user message naming
 * the asset and destination; the text here is already redacted.
 *
 * <p>Immutable.
 */
public final class DockerCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final int exitCode;
    private final String tail;

    public DockerCommandException(String command, CommandResult result) {
        super(command + " exited with code " + result.exitCode() + (result.tail().isEmpty() ? "" : ": " + result.tail()));
        this.command = Objects.requireNonNull(command, "command");
        this.exitCode = result.exitCode();
        this.tail = result.tail();
    }

    /** What ran, e.g. {@code docker push}. */
    public String command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Its last error lines, joined with {@code |}. */
    public String tail() {
        return tail;
    }
}
