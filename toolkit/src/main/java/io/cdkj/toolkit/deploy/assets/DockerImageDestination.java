package io.cdkj.toolkit.deploy.assets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a docker image asset goes, as the manifest writes it; names may hold {@code ${AWS::AccountId}}
 * -style placeholders.
 *
 * @param id                          the destination's key in the manifest (e.g. {@code 111111111111-us-east-2})
 * @param repositoryName              the ECR repository
 * @param imageTag                    the tag to push
 * @param region                      the repository's region, when not the stack's
 * @param assumeRoleArn               the publishing role, assumed on top of the environment's WRITE credentials
 * @param assumeRoleExternalId        its external ID
 * @param assumeRoleAdditionalOptions further STS AssumeRole parameters (e.g. {@code Tags}), by name
 *
 * <p>Immutable: the JSON values are copied in and out.
 */
public record DockerImageDestination(String id, String repositoryName, String imageTag, Optional<String> region,
        Optional<String> assumeRoleArn, Optional<String> assumeRoleExternalId,
        Map<String, JsonNode> assumeRoleAdditionalOptions) {

    public DockerImageDestination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(assumeRoleArn, "assumeRoleArn");
        Objects.requireNonNull(assumeRoleExternalId, "assumeRoleExternalId");
        assumeRoleAdditionalOptions = copy(assumeRoleAdditionalOptions);
        if (repositoryName.isBlank() || imageTag.isBlank()) {
            throw new IllegalArgumentException("destination " + id + " needs a repositoryName and an imageTag");
        }
    }

    @Override
    public Map<String, JsonNode> assumeRoleAdditionalOptions() {
        return copy(assumeRoleAdditionalOptions);
    }

    private static Map<String, JsonNode> copy(Map<String, JsonNode> options) {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        options.forEach((key, value) -> copy.put(key, value.deepCopy()));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
