package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.PseudoParameters;
import io.cdkj.toolkit.deploy.assets.DockerImageDestination;
import java.util.Objects;
import java.util.Optional;

/**
 * One destination of an image with the manifest's placeholders filled in for the stack's environment:
 * the ECR repository in {@link #environment()}, and the publishing role to reach it.
 *
 * @param destinationId  the manifest's key for the destination
 * @param environment    the repository's account and region
 * @param repositoryName the ECR repository
 * @param imageTag       the tag to push
 * @param role           the publishing role, assumed on top of the environment's WRITE credentials
 * @param source         where the stack's base credentials come from
 *
 * <p>Immutable.
 */
public record ImageTarget(String destinationId, AwsEnvironment environment, String repositoryName, String imageTag,
        Optional<RoleToAssume> role, CredentialSource source) {

    public ImageTarget {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(imageTag, "imageTag");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
    }

    /** {@code destination} for a stack in {@code stack}: its region (default the stack's) and placeholders filled. */
    public static ImageTarget resolve(DockerImageDestination destination, AwsEnvironment stack,
            CredentialSource source) {
        AwsEnvironment environment = new AwsEnvironment(stack.account(),
                destination.region().map(r -> PseudoParameters.resolve(r, stack)).orElse(stack.region()));
        return new ImageTarget(destination.id(), environment,
                PseudoParameters.resolve(destination.repositoryName(), environment),
                PseudoParameters.resolve(destination.imageTag(), environment), destination.role(), source);
    }

    /** What the destination's credentials are for: WRITE in its environment, with its publishing role. */
    public CredentialTarget credentialTarget() {
        return new CredentialTarget(environment, Mode.WRITE, role, source);
    }

    /** {@code 111111111111/us-east-1}: how progress lines and errors name the destination. */
    public String label() {
        return environment.account() + "/" + environment.region();
    }
}
