package io.cdkj.toolkit.testing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test set up for its duration (a caller's environment, a local endpoint's properties, ...),
 * closed newest first at the end of the test: {@code @AfterEach void closeScopes() { scopes.close(); }}.
 *
 * <p>Not thread-safe: one per test instance.
 */
public final class Scopes implements AutoCloseable {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Remembers {@code scope} to close at the end; returns it. */
    public <T extends AutoCloseable> T add(T scope) {
        open.push(scope);
        return scope;
    }

    /** Closes every scope added, newest first, and forgets them. */
    @Override
    public void close() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }
}
