package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.aws.PseudoParameters;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Deletes one stack with WRITE credentials and its service role, streaming events until it is gone.
 * A stack that does not exist counts as destroyed.
 *
 * <p>Thread-safe: all state of a deletion is local.
 */
final class StackDestroyer {

    private final StackClients clients;
    private final StackWaiter waiter;
    private final Poller poller;
    private final ProgressLog log;
    private final Clock clock;

    StackDestroyer(StackClients clients, StackWaiter waiter, Poller poller, ProgressLog log, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.waiter = Objects.requireNonNull(waiter, "waiter");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    StackResult destroy(ResolvedStack stack, Optional<String> roleArn) {
        Instant start = clock.instant();
        String name = stack.stackName();
        try {
            CloudFormationClient cloudFormation = clients.cloudFormation(stack, clients.credentials(stack));
            Optional<Stack> existing = poller.retryThrottled("stack " + name, () -> Stacks.find(cloudFormation, name));
            if (existing.isEmpty()) {
                log.stack(name, "does not exist in " + stack.environment() + "; nothing to destroy");
                return new StackResult(name, StackResult.Outcome.DESTROYED, Map.of(), elapsed(start), Optional.empty());
            }
            Stack current = existing.get();
            if (Boolean.TRUE.equals(current.enableTerminationProtection())) {
                throw new ToolkitException(ErrorCode.USAGE, "Stack " + name + " in " + stack.environment()
                        + " has termination protection; set terminationProtection(false) on it and deploy, then destroy");
            }
            log.stack(name, "destroying in " + stack.environment());
            StackEventStream events = new StackEventStream(cloudFormation, current.stackId(),
                    StackEventStream.newestEventId(cloudFormation, current.stackId(), poller));
            Optional<String> role = roleArn.or(stack.artifact()::cloudFormationExecutionRoleArn)
                    .map(arn -> PseudoParameters.resolve(arn, stack.environment()));
            poller.retryThrottled("stack " + name, () -> cloudFormation.deleteStack(
                    r -> r.stackName(current.stackId()).roleARN(role.orElse(null))));
            Optional<Stack> after = waiter.untilStable(cloudFormation, name, current.stackId(), events);
            if (after.isPresent() && !after.get().stackStatusAsString().equals("DELETE_COMPLETE")) {
                String why = after.get().stackStatusAsString() + ": " + events.firstFailure()
                        .orElse(Objects.toString(after.get().stackStatusReason(), "no reason given"));
                log.stack(name, "FAILED after " + seconds(start) + " — " + why);
                return StackResult.failed(name, elapsed(start), why);
            }
            log.stack(name, "destroyed in " + seconds(start));
            return new StackResult(name, StackResult.Outcome.DESTROYED, Map.of(), elapsed(start), Optional.empty());
        } catch (ToolkitException e) {
            if (e.code() == ErrorCode.INTERRUPTED) {
                throw e;
            }
            log.stack(name, "FAILED — " + e.getMessage());
            return StackResult.failed(name, elapsed(start), e.getMessage(), e.code());
        } catch (SdkException e) {
            String why = "AWS call failed in " + stack.environment() + ": " + e.getMessage();
            log.stack(name, "FAILED — " + why);
            return StackResult.failed(name, elapsed(start), why);
        }
    }

    private Duration elapsed(Instant start) {
        return Duration.between(start, clock.instant());
    }

    private String seconds(Instant start) {
        return String.format(Locale.ROOT, "%.1fs", elapsed(start).toMillis() / 1000.0);
    }
}
