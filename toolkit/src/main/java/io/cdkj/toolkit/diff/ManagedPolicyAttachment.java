package io.cdkj.toolkit.diff;

import java.util.Objects;

/**
 * A managed policy attached to a role, user or group ({@code ManagedPolicyArns}).
 *
 * @param identity  the identity, as {@code ${LogicalId}}
 * @param policyArn the policy ARN, intrinsics rendered
 */
record ManagedPolicyAttachment(String identity, String policyArn) {

    ManagedPolicyAttachment {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(policyArn, "policyArn");
    }
}
