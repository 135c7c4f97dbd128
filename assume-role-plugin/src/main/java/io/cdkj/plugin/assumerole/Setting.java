package io.cdkj.plugin.assumerole;

import java.util.Objects;

/**
 * A configured value and the key (context key or environment variable) it came from, so messages
 * can name it. Immutable.
 *
 * @param value never null
 * @param key   never null, e.g. {@code assume-role-credentials:durationSeconds}
 */
record Setting<T>(T value, String key) {

    Setting {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(key, "key");
    }

    /** Leaves the external ID out: it is not a secret, but nothing gains from logging it. */
    @Override
    public String toString() {
        return key + "=" + (key.endsWith(ContextKeys.EXTERNAL_ID) || key.equals(ContextKeys.ENV_EXTERNAL_ID)
                ? "(set)" : value);
    }
}
