package io.cdkj.toolkit.plugins;

/**
 * A plugin call that did not end with an answer: it threw an {@link Error} (an assertion, a stack
 * overflow, a missing class) or a checked exception, or it did not return within the deadline. The
 * message says which method and what happened, without the plugin's name (callers add it, as they do
 * for the plugin's own exceptions); it is that plugin's failure, never the host's.
 */
public final class PluginCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PluginCallFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
