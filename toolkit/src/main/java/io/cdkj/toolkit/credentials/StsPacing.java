package io.cdkj.toolkit.credentials;

import com.google.common.util.concurrent.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Paces the host's STS calls and rides out throttling. STS allows 600 requests per second per account
 * and region by default (IAM User Guide, "IAM and AWS STS quotas"), and a call counts against the
 * account of the credentials that sign it: every AssumeRole a plugin makes for 100 target accounts
 * counts against the pipeline's own account. So calls are paced by a Guava {@link RateLimiter} per
 * (calling account, STS region) — smooth, with the first call of a burst never waiting — at the
 * configured rate; and a call STS throttled even after the SDK's own retries is tried again, up to
 * {@value #THROTTLED_RETRIES} times, after an exponential backoff with jitter (a random wait between half
 * and all of 0.5 s, 1 s, 2 s, …, at most 5 s), as the AWS SDKs back off — but never waiting longer in
 * all than the command's throttled wait ({@code CDKJ_AWS_THROTTLED_WAIT}, the bound the deploy
 * engine's polling keeps too; 0 leaves throttling to the SDK's own retries).
 *
 * <p>Thread-safe.
 */
public final class StsPacing {

    /** Retries of a call STS throttled after the SDK's own retries. */
    static final int THROTTLED_RETRIES = 3;
    /** Calls whose region is not known (a plugin picks its STS region): paced together per account. */
    static final String ANY_REGION = "*";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Waits out a backoff; tests substitute one that records it. */
    @FunctionalInterface
    interface Waiter {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final double requestsPerSecond;
    private final Duration maxThrottledWait;
    private final Waiter waiter;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final AtomicLong permits = new AtomicLong();

    /**
     * Paces at {@code requestsPerSecond} per (calling account, region).
     *
     * @param maxThrottledWait the longest the backoffs of one call may add up to
     *                         ({@link io.cdkj.toolkit.aws.AwsTimeouts#throttledWait()})
     */
    public StsPacing(double requestsPerSecond, Duration maxThrottledWait) {
        this(requestsPerSecond, maxThrottledWait, duration -> Thread.sleep(duration.toMillis()));
    }

    StsPacing(double requestsPerSecond, Duration maxThrottledWait, Waiter waiter) {
        this.requestsPerSecond = requestsPerSecond;
        this.maxThrottledWait = maxThrottledWait;
        this.waiter = waiter;
    }

    /**
     * Runs {@code call}, an STS call (or a plugin call making one) signed by credentials of
     * {@code account}, in {@code region} ({@link #ANY_REGION} when unknown; the account may be unknown too).
     *
     * @throws RuntimeException what {@code call} threw, once it is not throttling or the retries are spent
     */
    <T> T call(Optional<String> account, String region, Supplier<T> call) {
        RateLimiter limiter = limiters.computeIfAbsent(account.orElse("?") + "/" + region,
                key -> RateLimiter.create(requestsPerSecond));
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            limiter.acquire();
            permits.incrementAndGet();
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= THROTTLED_RETRIES || !isThrottling(e)) {
                    throw e;
                }
                Duration backoff = backoff(attempt);
                if (waited.plus(backoff).compareTo(maxThrottledWait) > 0) {
                    throw e;
                }
                waited = waited.plus(backoff);
                sleep(backoff);
            }
        }
    }

    /** How many calls (attempts included) went through, for tests. */
    long permitsTaken() {
        return permits.get();
    }

    private static Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << attempt);
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private void sleep(Duration backoff) {
        try {
            waiter.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while STS throttled the toolkit", e);
        }
    }

    /** Whether STS throttled {@code e} (or what caused it): Throttling, RequestLimitExceeded, HTTP 429 … */
    static boolean isThrottling(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkServiceException service && service.isThrottlingException()) {
                return true;
            }
        }
        return false;
    }
}
