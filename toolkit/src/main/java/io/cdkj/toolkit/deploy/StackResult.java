package io.cdkj.toolkit.deploy;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one stack's deployment (or destruction) ended.
 *
 * @param stackName the CloudFormation stack name
 * @param outcome   what happened
 * @param outputs   the stack's outputs after a successful deployment (empty otherwise)
 * @param elapsed   wall-clock time spent on the stack
 * @param failure   why it failed or was skipped (empty on success)
 *
 * <p>Immutable.
 */
public record StackResult(String stackName, Outcome outcome, Map<String, String> outputs, Duration elapsed,
        Optional<String> failure) {

    /** The possible endings. */
    public enum Outcome {
        DEPLOYED, NO_CHANGES, DESTROYED, FAILED, SKIPPED;

        /** Whether the command as a whole can still succeed. */
        public boolean ok() {
            return this != FAILED && this != SKIPPED;
        }
    }

    public StackResult {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(outcome, "outcome");
        outputs = Map.copyOf(outputs);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(failure, "failure");
    }

    static StackResult failed(String stackName, Duration elapsed, String why) {
        return new StackResult(stackName, Outcome.FAILED, Map.of(), elapsed, Optional.of(why));
    }

    static StackResult skipped(String stackName, String why) {
        return new StackResult(stackName, Outcome.SKIPPED, Map.of(), Duration.ZERO, Optional.of(why));
    }
}
