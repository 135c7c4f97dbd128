package io.cdkj.toolkit.deploy;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;

/** What a created change set turned out to be. Immutable. */
sealed interface ChangeSetPlan {

    /** The change set's id (ARN). */
    String changeSetId();

    /** The id (ARN) of the stack the change set belongs to (created with it for a new stack). */
    String stackId();

    /** The change set holds changes and can be executed. */
    record Ready(String changeSetId, String stackId, List<ResourceChange> changes) implements ChangeSetPlan {
        public Ready {
            Objects.requireNonNull(changeSetId, "changeSetId");
            Objects.requireNonNull(stackId, "stackId");
            changes = List.copyOf(changes);
        }
    }

    /** CloudFormation found nothing to change ("The submitted information didn't contain changes"). */
    record Empty(String changeSetId, String stackId) implements ChangeSetPlan {
        public Empty {
            Objects.requireNonNull(changeSetId, "changeSetId");
            Objects.requireNonNull(stackId, "stackId");
        }
    }
}
