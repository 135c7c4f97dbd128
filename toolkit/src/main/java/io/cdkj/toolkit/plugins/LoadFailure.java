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

    /** A throwable and its causes as {@code Type (message), caused by Type (message)}, for messages. */
    static String causeChain(Throwable e) {
        StringBuilder text = new StringBuilder(describe(e));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(", caused by ").append(describe(cause));
        }
        return text.toString();
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
