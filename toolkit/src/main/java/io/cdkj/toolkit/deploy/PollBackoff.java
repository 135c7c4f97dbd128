package io.cdkj.toolkit.deploy;

import java.time.Duration;
import java.util.Objects;

/**
 * The delays between polls of one wait: starts at {@code initial}, grows by half each time, capped
 * at {@code max}. CloudFormation operations take seconds to hours; a short first delay keeps small
 * deployments snappy while the cap keeps a long one from hammering the API (DescribeStacks and
 * DescribeStackEvents share a per-account rate limit with every other tool in the account).
 *
 * @param initial first delay
 * @param max     largest delay
 *
 * <p>Immutable; {@link #start()} gives a fresh, non-thread-safe sequence per wait.
 */
public record PollBackoff(Duration initial, Duration max) {

    /** 1 s, growing to 5 s. */
    public static final PollBackoff DEFAULT = new PollBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

    public PollBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max, got " + initial + ", " + max);
        }
    }

    /** A new sequence of delays for one wait. */
    public Sequence start() {
        return new Sequence();
    }

    /** The delays of one wait. Not thread-safe. */
    public final class Sequence {
        private Duration next = initial;

        private Sequence() {
        }

        /** The delay to wait now; the following one is longer until the cap is reached. */
        public Duration next() {
            Duration current = next;
            Duration grown = next.plus(next.dividedBy(2));
            next = grown.compareTo(max) > 0 ? max : grown;
            return current;
        }
    }
}
