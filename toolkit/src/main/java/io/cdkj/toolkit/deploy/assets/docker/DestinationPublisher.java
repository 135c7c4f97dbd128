package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The ECR side of one destination, with the destination's own credentials: find the repository URI
 * ECR reports ({@code DescribeRepositories}), see whether the tag is there ({@code DescribeImages}),
 * and push: log in (once per registry and credentials), {@code docker tag}, {@code docker push}.
 *
 * <p>Thread-safe: each destination has its own client.
 */
final class DestinationPublisher {

    /** A destination after its check: where the image goes, and whether it is there already. */
    record Checked(ImageTarget target, EcrClient ecr, String imageUri, boolean present) {
        String repositoryUri() {
            return imageUri.substring(0, imageUri.lastIndexOf(':'));
        }
    }

    private final AwsClientFactory clients;
    private final DestinationCredentials credentials;
    private final Docker docker;
    private final RegistryLogins logins;

    DestinationPublisher(AwsClientFactory clients, DestinationCredentials credentials, Docker docker,
            RegistryLogins logins) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.docker = Objects.requireNonNull(docker, "docker");
        this.logins = Objects.requireNonNull(logins, "logins");
    }

    /** The repository URI and whether {@code target}'s tag is in it. */
    Checked check(DockerImageAsset asset, ImageTarget target) {
        EcrClient ecr = clients.create(EcrClient.builder(), credentials.forTarget(target), target.environment().region());
        try {
            String repositoryUri = repositoryUri(asset, ecr, target);
            String imageUri = repositoryUri + ":" + target.imageTag();
            return new Checked(target, ecr, imageUri, present(ecr, target));
        } catch (EcrException e) {
            throw awsFailure(asset, target, e);
        }
    }

    /** Tags {@code localImage} with the destination's URI and pushes it. */
    void push(DockerImageAsset asset, Checked checked, String localImage) {
        ImageTarget target = checked.target();
        try {
            Path config = logins.configFor(RegistryLogins.Key.of(checked.repositoryUri(), target), checked.ecr());
            docker.tag(localImage, checked.imageUri());
            docker.push(config, checked.imageUri());
        } catch (EcrException e) {
            throw awsFailure(asset, target, e);
        } catch (DockerCommandException | IllegalStateException | UncheckedIOException e) {
            throw new ToolkitException(ErrorCode.AWS, "Cannot push docker image asset " + asset.label() + " to "
                    + target.label() + " (" + checked.imageUri() + "): " + e.getMessage()
                    + " (check that the publishing role may push to the repository)", e);
        }
    }

    private static String repositoryUri(DockerImageAsset asset, EcrClient ecr, ImageTarget target) {
        try {
            List<Repository> repositories = ecr.describeRepositories(r -> r.repositoryNames(target.repositoryName()))
                    .repositories();
            if (!repositories.isEmpty() && repositories.get(0).repositoryUri() != null) {
                return repositories.get(0).repositoryUri();
            }
        } catch (RepositoryNotFoundException e) {
            // reported below
        }
        throw new ToolkitException(ErrorCode.AWS, "No ECR repository named '" + target.repositoryName() + "' in "
                + target.label() + " for docker image asset " + asset.label() + "; bootstrap the environment (cdk bootstrap aws://"
                + target.environment().account() + "/" + target.environment().region() + ")");
    }

    private static boolean present(EcrClient ecr, ImageTarget target) {
        try {
            ecr.describeImages(r -> r.repositoryName(target.repositoryName()).imageIds(i -> i.imageTag(target.imageTag())));
            return true;
        } catch (ImageNotFoundException e) {
            return false;
        }
    }

    private static ToolkitException awsFailure(DockerImageAsset asset, ImageTarget target, EcrException e) {
        String code = e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return new ToolkitException(ErrorCode.AWS, "Cannot publish docker image asset " + asset.label() + " to "
                + target.label() + ": ECR answered " + code + ": " + message
                + " (check the publishing role's ECR permissions)", e);
    }
}
