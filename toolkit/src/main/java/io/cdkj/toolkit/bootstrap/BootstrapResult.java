package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one environment's bootstrap ended. Immutable.
 *
 * @param environment the environment
 * @param outcome     what happened
 * @param detail      why it was left as it is, or why it failed
 * @param elapsed     wall-clock time spent on it
 * @param failureCode the kind of failure, deciding the exit code (meaningful for {@link Outcome#FAILED})
 */
public record BootstrapResult(AwsEnvironment environment, Outcome outcome, Optional<String> detail, Duration elapsed,
        ErrorCode failureCode) {

    /** The possible endings. */
    public enum Outcome {
        /** The bootstrap stack was created or updated. */
        BOOTSTRAPPED,
        /** It already was exactly this. */
        NO_CHANGES,
        /** Another variant or a newer version is there, and {@code --force} was not given (a warning). */
        LEFT_AS_IS,
        /** Credentials, a bad option for this environment, or CloudFormation failed. */
        FAILED
    }

    public BootstrapResult {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(failureCode, "failureCode");
    }

    static BootstrapResult of(AwsEnvironment environment, Outcome outcome, Duration elapsed) {
        return new BootstrapResult(environment, outcome, Optional.empty(), elapsed, ErrorCode.AWS);
    }

    static BootstrapResult leftAsIs(AwsEnvironment environment, String why, Duration elapsed) {
        return new BootstrapResult(environment, Outcome.LEFT_AS_IS, Optional.of(why), elapsed, ErrorCode.AWS);
    }

    static BootstrapResult failed(AwsEnvironment environment, String why, ErrorCode code, Duration elapsed) {
        return new BootstrapResult(environment, Outcome.FAILED, Optional.of(why), elapsed, code);
    }
}
