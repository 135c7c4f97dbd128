package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.credentials.EnvironmentCredentials;
import io.cdkj.toolkit.credentials.RoleToAssume;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Destination credentials from the host: the destination's publishing role assumed on top of its
 * environment's WRITE credentials, or those credentials themselves when the destination names no role
 * (e.g. {@code CliCredentialsStackSynthesizer}). The host caches one provider per target, so
 * destinations sharing a role share one STS session.
 *
 * <p>Thread-safe (the host is).
 */
public final class HostDestinationCredentials implements DestinationCredentials {

    private final EnvironmentCredentials host;

    public HostDestinationCredentials(EnvironmentCredentials host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(ImageTarget target) {
        return target.roleArn()
                .map(arn -> host.assumeOnTop(target.environment(), Mode.WRITE, new RoleToAssume(arn, target.externalId())))
                .orElseGet(() -> host.forEnvironment(target.environment(), Mode.WRITE));
    }
}
