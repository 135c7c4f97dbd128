package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.Mode;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings found at one level of the precedence order (one per-account entry, the context, or
 * the environment), already validated; a setting absent here falls through to the next level.
 * Immutable and thread-safe.
 *
 * @param level           a name for messages, e.g. {@code context} or {@code accounts.111111111111}
 * @param readRole        the READ role, from a role name or a role ARN key (never both: that is a conflict)
 * @param writeRole       the WRITE role, likewise
 * @param externalId      the external ID to pass to STS
 * @param roleSessionName the role session name
 * @param durationSeconds the session duration
 */
record ConfigLayer(
        String level,
        Optional<RoleArnTemplate> readRole,
        Optional<RoleArnTemplate> writeRole,
        Optional<Setting<String>> externalId,
        Optional<Setting<String>> roleSessionName,
        Optional<Setting<Integer>> durationSeconds) {

    ConfigLayer {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(readRole, "readRole");
        Objects.requireNonNull(writeRole, "writeRole");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
    }

    /** A level with nothing set. */
    static ConfigLayer empty(String level) {
        return new ConfigLayer(level, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The role configured at this level for a mode; empty for modes the plugin does not know. */
    Optional<RoleArnTemplate> role(Mode mode) {
        if (mode == Mode.READ) {
            return readRole;
        }
        if (mode == Mode.WRITE) {
            return writeRole;
        }
        return Optional.empty();
    }
}
