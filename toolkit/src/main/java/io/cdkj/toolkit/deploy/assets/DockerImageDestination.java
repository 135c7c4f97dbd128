package io.cdkj.toolkit.deploy.assets;

import io.cdkj.toolkit.access.RoleToAssume;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a docker image asset goes, as the manifest writes it; names may hold {@code ${AWS::AccountId}}
 * -style placeholders.
 *
 * @param id             the destination's key in the manifest (e.g. {@code 111111111111-us-east-2})
 * @param repositoryName the ECR repository
 * @param imageTag       the tag to push
 * @param region         the repository's region, when not the stack's
 * @param role           the publishing role ({@code assumeRoleArn} with its external ID and additional
 *                       options), assumed on top of the environment's WRITE credentials
 *
 * <p>Immutable.
 */
public record DockerImageDestination(String id, String repositoryName, String imageTag, Optional<String> region,
        Optional<RoleToAssume> role) {

    public DockerImageDestination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(role, "role");
        if (repositoryName.isBlank() || imageTag.isBlank()) {
            throw new IllegalArgumentException("destination " + id + " needs a repositoryName and an imageTag");
        }
    }
}
