package io.cdkj.plugin.profile;

import io.cdkj.plugin.Mode;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code profile:accounts}: the profile to use for an account, for both modes
 * ({@code "111111111111": "dev-admin"}) or per mode
 * ({@code "111111111111": {"read": "dev-ro", "write": "dev-admin"}}). A per-mode entry that leaves a
 * mode out lets discovery choose for that mode. Immutable.
 *
 * @param account the 12-digit account id
 * @param read    the profile for READ requests, if mapped
 * @param write   the profile for WRITE requests, if mapped
 * @param perMode whether the entry was given per mode (it changes the key that messages name)
 */
record AccountMapping(String account, Optional<String> read, Optional<String> write, boolean perMode) {

    AccountMapping {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
    }

    /** The same profile for both modes. */
    static AccountMapping both(String account, String profile) {
        return new AccountMapping(account, Optional.of(profile), Optional.of(profile), false);
    }

    /** The profile mapped for a mode; empty for an unmapped mode or a mode this version does not know. */
    Optional<String> profileFor(Mode mode) {
        if (mode == Mode.READ) {
            return read;
        }
        if (mode == Mode.WRITE) {
            return write;
        }
        return Optional.empty();
    }

    /** The key that maps {@code mode}, for messages: {@code profile:accounts.111111111111[.read]}. */
    String keyFor(Mode mode) {
        return ProfileKeys.accountKey(account) + (perMode ? "." + mode.cliName() : "");
    }
}
