package io.cdkj.toolkit.deploy.assets.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.deploy.Placeholders;
import io.cdkj.toolkit.deploy.assets.DockerImageDestination;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One destination of an image with the manifest's placeholders filled in for the stack's environment:
 * the ECR repository in {@link #environment()}, and the publishing role to reach it.
 *
 * @param destinationId   the manifest's key for the destination
 * @param environment     the repository's account and region
 * @param repositoryName  the ECR repository
 * @param imageTag        the tag to push
 * @param roleArn         the publishing role (placeholders filled), assumed on top of the environment's WRITE credentials
 * @param externalId      its external ID
 * @param roleOptions     further AssumeRole parameters from the manifest
 *
 * <p>Immutable.
 */
public record ImageTarget(String destinationId, AwsEnvironment environment, String repositoryName, String imageTag,
        Optional<String> roleArn, Optional<String> externalId, Map<String, JsonNode> roleOptions) {

    public ImageTarget {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(externalId, "externalId");
        roleOptions = Map.copyOf(roleOptions);
    }

    /** {@code destination} for a stack in {@code stack}: its region (default the stack's) and placeholders filled. */
    public static ImageTarget resolve(DockerImageDestination destination, AwsEnvironment stack) {
        AwsEnvironment environment = new AwsEnvironment(stack.account(),
                destination.region().map(r -> Placeholders.resolve(r, stack)).orElse(stack.region()));
        return new ImageTarget(destination.id(), environment,
                Placeholders.resolve(destination.repositoryName(), environment),
                Placeholders.resolve(destination.imageTag(), environment),
                destination.assumeRoleArn().map(arn -> Placeholders.resolve(arn, environment)),
                destination.assumeRoleExternalId(), destination.assumeRoleAdditionalOptions());
    }

    /** {@code 111111111111/us-east-1}: how progress lines and errors name the destination. */
    public String label() {
        return environment.account() + "/" + environment.region();
    }
}
