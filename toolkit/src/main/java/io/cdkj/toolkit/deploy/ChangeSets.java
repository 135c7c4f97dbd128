package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.StackNotFoundException;

/**
 * Creates a change set, waits until CloudFormation has computed it, and tells whether it is empty.
 *
 * <p>Thread-safe (immutable).
 */
final class ChangeSets {

    private final Poller poller;

    ChangeSets(Poller poller) {
        this.poller = Objects.requireNonNull(poller, "poller");
    }

    /**
     * Creates the change set and waits for it.
     *
     * @throws ToolkitException ({@link ErrorCode#AWS}) naming the stack and CloudFormation's reason
     *     when the change set fails for any reason but "no changes"
     */
    ChangeSetPlan create(CloudFormationClient cloudFormation, CreateChangeSetRequest request) {
        CreateChangeSetResponse created;
        try {
            created = poller.retryThrottled("change set of " + request.stackName(),
                    () -> cloudFormation.createChangeSet(request));
        } catch (CloudFormationException e) {
            // moto refuses an update change set whose template and parameters are unchanged with UpdateStack's
            // error (real CloudFormation creates it and fails it with "didn't contain changes"): both mean no changes
            if (e.awsErrorDetails() != null && String.valueOf(e.awsErrorDetails().errorMessage())
                    .contains("No updates are to be performed")) {
                return new ChangeSetPlan.Empty(request.changeSetName(), request.stackName());
            }
            throw e;
        }
        return poller.until("change set of " + request.stackName(),
                () -> poll(cloudFormation, request.stackName(), created.id(), created.stackId()));
    }

    /**
     * A change set created earlier ({@code --method execute-change-set}), once CloudFormation has computed it.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the stack and the change set when there is none
     *     of that name; ({@link ErrorCode#AWS}) when it failed for another reason than "no changes"
     */
    ChangeSetPlan existing(CloudFormationClient cloudFormation, String stackName, String changeSetName) {
        DescribeChangeSetResponse found;
        try {
            found = cloudFormation.describeChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName));
        } catch (ChangeSetNotFoundException | StackNotFoundException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Stack " + stackName + " has no change set " + changeSetName
                    + "; create it with --method prepare-change-set --change-set-name " + changeSetName, e);
        }
        return poller.until("change set " + changeSetName + " of " + stackName,
                () -> poll(cloudFormation, stackName, found.changeSetId(), found.stackId()));
    }

    /** Deletes a change set that will not be executed; a failure here changes nothing for the user. */
    void deleteQuietly(CloudFormationClient cloudFormation, String stackName, String changeSetId) {
        try {
            cloudFormation.deleteChangeSet(r -> r.stackName(stackName).changeSetName(changeSetId));
        } catch (RuntimeException ignored) {
            // an unexecuted change set is harmless; the next deployment uses a new name
        }
    }

    private static Optional<ChangeSetPlan> poll(CloudFormationClient cloudFormation, String stackName, String id,
            String stackId) {
        DescribeChangeSetResponse first = cloudFormation.describeChangeSet(r -> r.stackName(stackName).changeSetName(id));
        String status = first.statusAsString();
        if (status.equals("CREATE_PENDING") || status.equals("CREATE_IN_PROGRESS")) {
            return Optional.empty();
        }
        if (status.equals("FAILED")) {
            String reason = String.valueOf(first.statusReason());
            if (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")) {
                return Optional.of(new ChangeSetPlan.Empty(id, stackId));
            }
            throw new ToolkitException(ErrorCode.AWS, "Change set for stack " + stackName + " failed: " + reason
                    + " (fix the template or parameters and deploy again)");
        }
        List<ResourceChange> changes = new ArrayList<>();
        DescribeChangeSetResponse page = first;
        while (true) {
            page.changes().forEach(change -> changes.add(change.resourceChange()));
            if (page.nextToken() == null) {
                break;
            }
            String token = page.nextToken();
            page = cloudFormation.describeChangeSet(r -> r.stackName(stackName).changeSetName(id).nextToken(token));
        }
        return Optional.of(new ChangeSetPlan.Ready(id, stackId, changes));
    }

    /** One line per change: {@code Add | MyRole | AWS::IAM::Role}, with {@code | replacement: True} when known. */
    static String describe(ResourceChange change) {
        StringBuilder line = new StringBuilder()
                .append(change.actionAsString()).append(" | ")
                .append(change.logicalResourceId()).append(" | ")
                .append(change.resourceType());
        if (change.replacement() != null && change.replacementAsString() != null
                && !change.replacementAsString().equals("False")) {
            line.append(" | replacement: ").append(change.replacementAsString());
        }
        return line.toString();
    }
}
