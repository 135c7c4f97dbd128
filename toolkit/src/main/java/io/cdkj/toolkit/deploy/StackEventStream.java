package io.cdkj.toolkit.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * The events of one stack operation, delivered once each, oldest first. DescribeStackEvents lists
 * newest first over several pages; each {@link #poll()} reads pages only until it reaches the last
 * event already delivered, so a long deployment costs one call per poll, not one per page of history.
 *
 * <p>Not thread-safe: one stream per waiting thread.
 */
final class StackEventStream {

    private static final String CANCELLED = "Resource creation cancelled";

    private final CloudFormationClient cloudFormation;
    private final String stackId;
    private String lastSeenEventId;
    private StackEvent firstFailure;

    /**
     * @param stackId       the stack's id (ARN), so a deleted stack can still be read
     * @param afterEventId  deliver only events newer than this one (the newest event before the
     *                      operation started); empty delivers the whole history
     */
    StackEventStream(CloudFormationClient cloudFormation, String stackId, Optional<String> afterEventId) {
        this.cloudFormation = Objects.requireNonNull(cloudFormation, "cloudFormation");
        this.stackId = Objects.requireNonNull(stackId, "stackId");
        this.lastSeenEventId = afterEventId.orElse(null);
    }

    /**
     * The id of the stack's newest event now, to start a stream after it; empty for a stack without events.
     * Throttling is waited out ({@link Poller#retryThrottled}): this call decides nothing, so it must not
     * fail a deployment that CloudFormation would carry out.
     */
    static Optional<String> newestEventId(CloudFormationClient cloudFormation, String stackId, Poller poller) {
        return poller.retryThrottled("the events of stack " + stackId, () -> cloudFormation
                .describeStackEvents(r -> r.stackName(stackId)).stackEvents().stream()
                .findFirst().map(StackEvent::eventId));
    }

    /** Events that happened since the previous poll, oldest first. */
    List<StackEvent> poll() {
        List<StackEvent> newestFirst = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            DescribeStackEventsResponse response = cloudFormation.describeStackEvents(r -> r.stackName(stackId).nextToken(page));
            for (StackEvent event : response.stackEvents()) {
                if (event.eventId().equals(lastSeenEventId)) {
                    return deliver(newestFirst);
                }
                newestFirst.add(event);
            }
            token = response.nextToken();
        } while (token != null);
        return deliver(newestFirst);
    }

    /**
     * The first resource that failed with a reason, e.g. {@code MyBucket (AWS::S3::Bucket): Access Denied};
     * "Resource creation cancelled" (the echo of another resource's failure) does not count.
     */
    Optional<String> firstFailure() {
        return Optional.ofNullable(firstFailure).map(e -> e.logicalResourceId() + " (" + e.resourceType() + "): "
                + e.resourceStatusReason());
    }

    private List<StackEvent> deliver(List<StackEvent> newestFirst) {
        if (!newestFirst.isEmpty()) {
            lastSeenEventId = newestFirst.get(0).eventId();
        }
        Collections.reverse(newestFirst);
        for (StackEvent event : newestFirst) {
            if (firstFailure == null && StackStatuses.failedEvent(event.resourceStatusAsString())
                    && event.resourceStatusReason() != null && !event.resourceStatusReason().isBlank()
                    && !event.resourceStatusReason().contains(CANCELLED)) {
                firstFailure = event;
            }
        }
        return newestFirst;
    }
}
