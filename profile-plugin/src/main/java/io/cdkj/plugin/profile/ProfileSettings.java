package io.cdkj.plugin.profile;

import io.cdkj.plugin.Mode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plugin's configuration, validated: the explicit mappings and the role name patterns that
 * decide between several profiles of one account. Immutable and thread-safe.
 *
 * @param accounts         explicit mappings keyed by 12-digit account id
 * @param readRolePattern  role names READ requests prefer (found anywhere in the name, case-insensitively)
 * @param writeRolePattern role names WRITE requests prefer
 */
record ProfileSettings(Map<String, AccountMapping> accounts, Pattern readRolePattern, Pattern writeRolePattern) {

    ProfileSettings {
        accounts = Map.copyOf(accounts);
        Objects.requireNonNull(readRolePattern, "readRolePattern");
        Objects.requireNonNull(writeRolePattern, "writeRolePattern");
    }

    /** The explicit mapping of an account, if any. */
    Optional<AccountMapping> mapping(String account) {
        return Optional.ofNullable(accounts.get(account));
    }

    /** The preferred role names of a mode; a pattern nothing matches for modes this version does not know. */
    Pattern rolePattern(Mode mode) {
        if (mode == Mode.READ) {
            return readRolePattern;
        }
        if (mode == Mode.WRITE) {
            return writeRolePattern;
        }
        return Pattern.compile("(?!)");
    }

    /** The key that sets {@link #rolePattern(Mode)}. */
    static String rolePatternKey(Mode mode) {
        return mode == Mode.WRITE ? ProfileKeys.WRITE_ROLE_PATTERN : ProfileKeys.READ_ROLE_PATTERN;
    }
}
