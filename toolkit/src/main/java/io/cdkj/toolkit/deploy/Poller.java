package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Repeats a poll until it yields a value, sleeping with a {@link PollBackoff} between attempts.
 * Throttling that outlasts the SDK's own retries does not fail the wait: the poll is simply tried
 * again after the next (longer) delay, because a deployment already in flight must be watched to its
 * end.
 *
 * <p>Thread-safe (holds only immutable state).
 */
public final class Poller {

    private final Sleeper sleeper;
    private final PollBackoff backoff;

    public Poller(Sleeper sleeper, PollBackoff backoff) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * Calls {@code poll} until it returns a value.
     *
     * @param what what is being waited for, for the interruption message
     * @throws ToolkitException with {@link ErrorCode#INTERRUPTED} when the thread is interrupted
     */
    public <T> T until(String what, Supplier<Optional<T>> poll) {
        PollBackoff.Sequence delays = backoff.start();
        while (true) {
            Optional<T> result = pollOnce(poll);
            if (result.isPresent()) {
                return result.get();
            }
            pause(what, delays);
        }
    }

    /** Runs {@code call} once, retrying (with backoff) only while AWS answers with throttling. */
    public <T> T retryThrottled(String what, Supplier<T> call) {
        return until(what, () -> Optional.of(call.get()));
    }

    private static <T> Optional<T> pollOnce(Supplier<Optional<T>> poll) {
        try {
            return poll.get();
        } catch (SdkServiceException e) {
            if (e.isThrottlingException()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void pause(String what, PollBackoff.Sequence delays) {
        try {
            sleeper.sleep(delays.next());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while waiting for " + what, e);
        }
    }
}
