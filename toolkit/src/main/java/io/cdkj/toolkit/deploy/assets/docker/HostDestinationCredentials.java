package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.credentials.TargetCredentials;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Destination credentials from the host: {@link TargetCredentials#forTarget} of the destination's
 * {@link ImageTarget#credentialTarget() WRITE target} — its publishing role assumed on top of the
 * environment's WRITE credentials, or those credentials when the destination names no role (e.g.
 * {@code CliCredentialsStackSynthesizer}). The host caches one provider per target, so destinations
 * sharing a role share one STS session.
 *
 * <p>Thread-safe (the host is).
 */
public final class HostDestinationCredentials implements DestinationCredentials {

    private final TargetCredentials host;

    public HostDestinationCredentials(TargetCredentials host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(ImageTarget target) {
        return host.forTarget(target.credentialTarget());
    }
}
