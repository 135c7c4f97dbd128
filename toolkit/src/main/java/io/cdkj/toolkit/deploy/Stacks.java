package io.cdkj.toolkit.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** DescribeStacks for one stack, where "does not exist" is an answer rather than an error. Stateless. */
final class Stacks {

    private Stacks() {
    }

    /**
     * The stack named (or with the id) {@code nameOrId}, or empty when CloudFormation does not know it.
     * A stack deleted by name is gone; a stack looked up by id shows {@code DELETE_COMPLETE}.
     */
    static Optional<Stack> find(CloudFormationClient cloudFormation, String nameOrId) {
        try {
            return cloudFormation.describeStacks(r -> r.stackName(nameOrId)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isMissing(CloudFormationException e) {
        return e.awsErrorDetails() != null
                && "ValidationError".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist");
    }
}
