package io.cdkj.toolkit.access;

import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.PseudoParameters;
import java.util.Objects;
import java.util.Optional;

/**
 * A role the cloud assembly asks the toolkit to assume on top of an environment's credentials — a
 * stack's deploy role ({@code assumeRoleArn}), its lookup role, a missing-context entry's
 * {@code lookupRoleArn}, an asset destination's publishing role. The one shape for all of them.
 *
 * <p>Immutable. The ARN is kept as written: pseudo parameters are filled in per environment by
 * {@link #arnIn(AwsEnvironment)}.
 *
 * @param arnTemplate the ARN, possibly containing {@code ${AWS::Partition}} and friends
 * @param externalId  the external ID to pass to STS, if the assembly names one
 * @param options     additional AssumeRole options (session tags …)
 */
public record RoleToAssume(String arnTemplate, Optional<String> externalId, AssumeRoleOptions options) {

    public RoleToAssume {
        Objects.requireNonNull(arnTemplate, "arnTemplate");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(options, "options");
        if (arnTemplate.isBlank()) {
            throw new IllegalArgumentException("arnTemplate must not be blank");
        }
    }

    /** A role with an optional external ID and no additional options. */
    public static RoleToAssume of(String arnTemplate, Optional<String> externalId) {
        return new RoleToAssume(arnTemplate, externalId, AssumeRoleOptions.NONE);
    }

    /** The ARN as assumed in {@code environment}: its pseudo parameters filled in. */
    public String arnIn(AwsEnvironment environment) {
        return PseudoParameters.resolve(arnTemplate, environment);
    }

    /** Never prints the external ID, only whether there is one. */
    @Override
    public String toString() {
        return "RoleToAssume[" + arnTemplate + (externalId.isPresent() ? ", with external ID" : "") + "]";
    }
}
