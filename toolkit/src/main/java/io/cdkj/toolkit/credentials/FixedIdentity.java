package io.cdkj.toolkit.credentials;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * One identity exactly as it was resolved, for the one STS GetCallerIdentity that says who it is. Never
 * handed to anything else: the host keeps no snapshot of temporary credentials. Immutable.
 */
final class FixedIdentity implements IdentityProvider<AwsCredentialsIdentity> {

    private final AwsCredentialsIdentity identity;

    FixedIdentity(AwsCredentialsIdentity identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    @Override
    public Class<AwsCredentialsIdentity> identityType() {
        return AwsCredentialsIdentity.class;
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        return CompletableFuture.completedFuture(identity);
    }

    /** The access key id only. */
    @Override
    public String toString() {
        return "FixedIdentity[" + identity.accessKeyId() + "]";
    }
}
