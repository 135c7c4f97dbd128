package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;

/**
 * STS refused a target's role, or could not be asked: what the host may fall back from (a lookup role,
 * when the base credentials already act in the target account). Credentials that turn out to act in
 * another account are never this: they are a plain {@link ToolkitException}, with no fallback.
 */
final class RoleNotAssumedException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param message the whole user message, with the fix
     * @param reason  STS's answer alone, e.g. {@code AccessDenied: User ... is not authorized ...}
     */
    RoleNotAssumedException(String message, String reason, Throwable cause) {
        super(ErrorCode.CREDENTIALS, message, cause);
        this.reason = reason;
    }

    /** STS's answer alone. */
    String reason() {
        return reason;
    }
}
