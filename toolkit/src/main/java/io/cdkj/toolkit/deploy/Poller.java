package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsTimeouts;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Repeats a poll until it yields a value, sleeping with a {@link PollBackoff} between attempts.
 * Throttling that outlasts the SDK's own retries does not fail the wait at once: the poll is tried again
 * after the next (longer) delay, because a deployment already in flight must be watched to its end —
 * but only for {@code maxThrottledWait} of throttling in a row. Then the wait fails, saying what was
 * throttled and for how long, rather than retrying forever in silence.
 *
 * <p>Thread-safe (holds only immutable state).
 */
public final class Poller {

    private final Sleeper sleeper;
    private final PollBackoff backoff;
    private final Duration maxThrottledWait;

    public Poller(Sleeper sleeper, PollBackoff backoff) {
        this(sleeper, backoff, AwsTimeouts.DEFAULT.throttledWait());
    }

    /** @param maxThrottledWait the longest run of throttled attempts a wait sits out */
    public Poller(Sleeper sleeper, PollBackoff backoff, Duration maxThrottledWait) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.maxThrottledWait = Objects.requireNonNull(maxThrottledWait, "maxThrottledWait");
    }

    /**
     * Calls {@code poll} until it returns a value.
     *
     * @param what what is being waited for, for messages (e.g. {@code stack devSampleApp})
     * @throws ToolkitException with {@link ErrorCode#INTERRUPTED} when the thread is interrupted, or
     *     {@link ErrorCode#AWS} naming {@code what} when AWS kept throttling for {@code maxThrottledWait}
     */
    public <T> T until(String what, Supplier<Optional<T>> poll) {
        PollBackoff.Sequence delays = backoff.start();
        Duration throttledFor = Duration.ZERO;
        while (true) {
            boolean throttled = false;
            Optional<T> result = Optional.empty();
            try {
                result = poll.get();
            } catch (SdkServiceException e) {
                if (!e.isThrottlingException()) {
                    throw e;
                }
                if (throttledFor.compareTo(maxThrottledWait) >= 0) {
                    throw throttled(what, throttledFor, e);
                }
                throttled = true;
            }
            if (result.isPresent()) {
                return result.get();
            }
            Duration delay = delays.next();
            pause(what, delay);
            throttledFor = throttled ? throttledFor.plus(delay) : Duration.ZERO;
        }
    }

    /** Runs {@code call} once, retrying (with backoff) only while AWS answers with throttling. */
    public <T> T retryThrottled(String what, Supplier<T> call) {
        return until(what, () -> Optional.of(call.get()));
    }

    private static ToolkitException throttled(String what, Duration waited, SdkServiceException e) {
        String service = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().serviceName() != null ? aws.awsErrorDetails().serviceName() : "AWS";
        return new ToolkitException(ErrorCode.AWS, service + " kept throttling the calls for " + what + ": gave up after"
                + " waiting " + waited.toSeconds() + " s of throttling in a row (" + AwsTimeouts.THROTTLED_WAIT_VARIABLE
                + " sets how long). An operation CloudFormation had started continues there; check it, and run cdkj"
                + " again when the account's API rate allows.", e);
    }

    private void pause(String what, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while waiting for " + what, e);
        }
    }
}
