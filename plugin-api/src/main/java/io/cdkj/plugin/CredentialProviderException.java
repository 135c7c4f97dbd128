package io.cdkj.plugin;

/**
 * The one exception type of the SPI: thrown by a plugin when it cannot do what it said it could
 * (for example, STS refused to let the caller assume the configured role), or when its
 * configuration is invalid.
 *
 * <p>The host catches it per plugin call and turns its message into a recorded reason; it never
 * crashes the host. The message is shown to the user as it is, so it must name the failing input
 * (account, role ARN, configuration key and value) and one fix, and it must never contain a secret
 * access key or session token.
 */
public class CredentialProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the user-facing message, free of secrets */
    public CredentialProviderException(String message) {
        super(message);
    }

    /**
     * @param message the user-facing message, free of secrets
     * @param cause   the underlying failure, for {@code --debug} output
     */
    public CredentialProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
