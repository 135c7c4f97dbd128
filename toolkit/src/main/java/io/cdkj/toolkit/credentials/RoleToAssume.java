package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.aws.Partitions;
import java.util.Objects;
import java.util.Optional;

/**
 * A role the cloud assembly asks the toolkit to assume on top of the environment's credentials
 * ({@code lookupRoleArn} on a missing-context entry, {@code assumeRoleArn} on a stack), as written in
 * the manifest: {@code ${AWS::Partition}} is substituted by the host, not by the caller.
 *
 * @param roleArn    the ARN, possibly containing {@code ${AWS::Partition}}
 * @param externalId the external ID to pass to STS, if the manifest names one
 */
public record RoleToAssume(String roleArn, Optional<String> externalId) {

    public RoleToAssume {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
        if (roleArn.isBlank()) {
            throw new IllegalArgumentException("roleArn must not be blank");
        }
    }

    /** The ARN as assumed in {@code region}: {@code ${AWS::Partition}} replaced with that region's partition. */
    public String arnIn(String region) {
        return roleArn.replace("${AWS::Partition}", Partitions.ofRegion(region));
    }
}
