package io.cdkj.toolkit.assembly;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A bootstrap role named by a stack artifact (its {@code lookupRole}).
 *
 * @param arn                           role ARN, possibly containing {@code ${AWS::Partition}}
 * @param externalId                    external ID to pass to STS
 * @param requiresBootstrapStackVersion minimum bootstrap version the role needs
 */
public record BootstrapRole(String arn, Optional<String> externalId, OptionalInt requiresBootstrapStackVersion) {

    public BootstrapRole {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(requiresBootstrapStackVersion, "requiresBootstrapStackVersion");
    }
}
