package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
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
 * @param failureCode the kind of failure (e.g. {@code CREDENTIALS}), deciding the command's exit code
 *
 * <p>Immutable.
 */
public record StackResult(String stackName, Outcome outcome, Map<String, String> outputs, Duration elapsed,
        Optional<String> failure, ErrorCode failureCode) {

    /** The possible endings. */
    public enum Outcome {
        DEPLOYED, NO_CHANGES, PREPARED, DESTROYED, FAILED, SKIPPED;

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
        Objects.requireNonNull(failureCode, "failureCode");
    }

    /** A result without failure. */
    public StackResult(String stackName, Outcome outcome, Map<String, String> outputs, Duration elapsed,
            Optional<String> failure) {
        this(stackName, outcome, outputs, elapsed, failure, ErrorCode.AWS);
    }

    static StackResult failed(String stackName, Duration elapsed, String why) {
        return failed(stackName, elapsed, why, ErrorCode.AWS);
    }

    static StackResult failed(String stackName, Duration elapsed, String why, ErrorCode code) {
        return new StackResult(stackName, Outcome.FAILED, Map.of(), elapsed, Optional.of(why), code);
    }

    static StackResult skipped(String stackName, String why) {
        return new StackResult(stackName, Outcome.SKIPPED, Map.of(), Duration.ZERO, Optional.of(why));
    }
}
