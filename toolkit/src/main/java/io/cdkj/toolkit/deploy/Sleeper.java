package io.cdkj.toolkit.deploy;

import java.time.Duration;

/**
 * Waits between polls. Injected so tests can poll without really waiting.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Blocks for {@code duration}; throws {@link InterruptedException} when the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
