package io.cdkj.toolkit.credentials;

import java.util.function.Supplier;

/**
 * Computes a value once, on first {@link #get()}, and remembers it — or the exception — for every
 * later caller. Callers that arrive while it is being computed wait for it: this is the
 * single-flight that makes 50 concurrent requests for one account cost one AssumeRole.
 *
 * <p>Thread-safe. Unlike {@code ConcurrentHashMap.computeIfAbsent}, the computation runs outside the
 * map's lock, so slow STS calls for different keys do not block each other.
 */
final class Memo<T> {

    private final Supplier<T> supplier;
    private T value;
    private RuntimeException failure;
    private boolean done;

    Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    synchronized T get() {
        if (!done) {
            try {
                value = supplier.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
