package io.cdkj.toolkit.plugins;

import java.util.Objects;

/**
 * A plugin (or plugin jar) that could not be loaded, for {@code cdkj plugins} and error messages.
 *
 * @param location the jar, directory or {@code class path} where the failure happened
 * @param message  what went wrong, naming the class and the cause
 */
public record LoadFailure(String location, String message) {

    public LoadFailure {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
