package io.cdkj.toolkit.deploy.assets.docker;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Where the image publisher gets the credentials of one destination. The deploy engine answers with the
 * destination's publishing role assumed on top of its environment's WRITE credentials (see
 * docs/ARCHITECTURE.md, credential targets); tests answer with fixed keys.
 *
 * <p>Implementations must be thread-safe (destinations publish in parallel) and own the providers they
 * return (the publisher never closes them).
 */
@FunctionalInterface
public interface DestinationCredentials {

    /**
     * Credentials that may call ECR (DescribeRepositories, DescribeImages, GetAuthorizationToken) and push
     * to {@code target}'s repository.
     *
     * @throws io.cdkj.toolkit.ToolkitException when there are none; the destination fails with its message
     */
    IdentityProvider<AwsCredentialsIdentity> forTarget(ImageTarget target);
}
