package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.ErrorCode;
import java.util.Objects;

/**
 * A lookup that failed; its message was sent back to the app as a provider error.
 *
 * @param key      the context key
 * @param provider the provider key
 * @param code     what kind of failure ({@link ErrorCode#CREDENTIALS} when no credentials for the
 *                 account could be found, {@link ErrorCode#AWS} otherwise)
 * @param message  what the user sees on the construct
 */
public record LookupFailure(String key, String provider, ErrorCode code, String message) {

    public LookupFailure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
