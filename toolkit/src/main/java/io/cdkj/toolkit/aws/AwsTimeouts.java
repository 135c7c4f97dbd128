package io.cdkj.toolkit.aws;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long the toolkit waits for AWS. A call — every retry the SDK makes included — must end within
 * {@link #call()} ({@value #CALL_VARIABLE}, default 30 s): an endpoint that accepts a connection and
 * never answers fails the call then, instead of after the SDK's four attempts of 30 s each. Each
 * attempt gets a third of it, and connecting at most 5 s. Uploads to S3 are the exception: their
 * length depends on the file, so only a connection or read that stalls fails them. Throttling that
 * outlasts the SDK's retries is waited out by the deploy engine's polling for at most
 * {@link #throttledWait()} ({@value #THROTTLED_WAIT_VARIABLE}, default 300 s) in a row.
 *
 * @param call          the deadline of one AWS call, retries included
 * @param throttledWait the longest run of throttled polls before a wait gives up
 *
 * <p>Immutable.
 */
public record AwsTimeouts(Duration call, Duration throttledWait) {

    /** Environment variable: the deadline of one AWS call, in seconds. */
    public static final String CALL_VARIABLE = "CDKJ_AWS_CALL_TIMEOUT";
    /** Environment variable: how long throttled polls are retried, in seconds. */
    public static final String THROTTLED_WAIT_VARIABLE = "CDKJ_AWS_THROTTLED_WAIT";

    /** 30 s per call, 300 s of throttling. */
    public static final AwsTimeouts DEFAULT = new AwsTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(300));

    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

    public AwsTimeouts {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(throttledWait, "throttledWait");
        if (call.isNegative() || call.isZero() || throttledWait.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive, got " + call + ", " + throttledWait);
        }
    }

    /**
     * The timeouts {@code environment} configures, the defaults for what it does not.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the variable when a value is not a whole
     *     number of seconds in range
     */
    public static AwsTimeouts fromEnvironment(Map<String, String> environment) {
        return new AwsTimeouts(seconds(environment, CALL_VARIABLE, DEFAULT.call(), 1),
                seconds(environment, THROTTLED_WAIT_VARIABLE, DEFAULT.throttledWait(), 0));
    }

    /** The deadline of one attempt of a call: a third of the call's, so retries fit in. */
    public Duration attempt() {
        Duration third = call.dividedBy(3);
        return third.compareTo(Duration.ofSeconds(1)) < 0 ? call : third;
    }

    /** The deadline of opening a connection. */
    public Duration connect() {
        return attempt().compareTo(MAX_CONNECT) < 0 ? attempt() : MAX_CONNECT;
    }

    private static Duration seconds(Map<String, String> environment, String variable, Duration fallback, long min) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= min && seconds <= 86_400) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ToolkitException(ErrorCode.USAGE, variable + " is '" + UntrustedText.excerpt(value) + "', but it"
                + " must be a whole number of seconds from " + min + " to 86400 (default " + fallback.toSeconds() + ").");
    }
}
