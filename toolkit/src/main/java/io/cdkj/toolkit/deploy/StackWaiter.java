package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ProgressLog;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Waits until a stack operation ends, printing each new stack event as one line
 * ({@code time | status | logical id | type | reason on failure}).
 *
 * <p>Thread-safe (immutable); each call uses its own event stream.
 */
final class StackWaiter {

    private final Poller poller;
    private final ProgressLog log;
    private final DateTimeFormatter time;

    StackWaiter(Poller poller, ProgressLog log, ZoneId zone) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.log = Objects.requireNonNull(log, "log");
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    /**
     * Polls until the stack is no longer in progress.
     *
     * @param stackName name shown as the line prefix
     * @param stackId   the stack's id, so a deletion can be followed to {@code DELETE_COMPLETE}
     * @return the stack at rest, or empty if it is gone
     */
    Optional<Stack> untilStable(CloudFormationClient cloudFormation, String stackName, String stackId,
            StackEventStream events) {
        return untilStable(cloudFormation, stackName, stackId, events, StackProgress.EVENTS);
    }

    /** Like {@link #untilStable(CloudFormationClient, String, String, StackEventStream)}; {@code errors-only} prints failures only. */
    Optional<Stack> untilStable(CloudFormationClient cloudFormation, String stackName, String stackId,
            StackEventStream events, StackProgress progress) {
        return poller.until("stack " + stackName, () -> {
            Optional<Stack> stack = Stacks.find(cloudFormation, stackId);
            if (stack.isPresent()) {
                events.poll().stream()
                        .filter(e -> progress != StackProgress.ERRORS_ONLY || StackStatuses.failedEvent(e.resourceStatusAsString()))
                        .forEach(event -> log.stack(stackName, format(event)));
            }
            if (stack.isPresent() && StackStatuses.inProgress(stack.get().stackStatusAsString())) {
                return Optional.empty();
            }
            return Optional.of(stack);
        });
    }

    private String format(StackEvent event) {
        StringBuilder line = new StringBuilder()
                .append(time.format(event.timestamp())).append(" | ")
                .append(event.resourceStatusAsString()).append(" | ")
                .append(event.logicalResourceId()).append(" | ")
                .append(event.resourceType());
        if (StackStatuses.failedEvent(event.resourceStatusAsString()) && event.resourceStatusReason() != null) {
            line.append(" | ").append(event.resourceStatusReason());
        }
        return line.toString();
    }
}
