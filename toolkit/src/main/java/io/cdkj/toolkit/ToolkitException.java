package io.cdkj.toolkit;

import java.util.Objects;

/**
 * A failure the user can act on. The CLI prints {@link #getMessage()} as one line (the stack trace
 * only with {@code --debug}) and exits with {@link ErrorCode#exitCode()}. Messages name the failing
 * input and one fix, and never contain secrets.
 */
public class ToolkitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ToolkitException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ToolkitException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What kind of failure this is; decides the exit code. */
    public ErrorCode code() {
        return code;
    }
}
