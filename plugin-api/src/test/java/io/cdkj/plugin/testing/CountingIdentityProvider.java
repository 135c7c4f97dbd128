package io.cdkj.plugin.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * Base credentials that count how often they are resolved, so a test can prove that a plugin does
 * not touch the host's credentials where the contract says it must not. Thread-safe.
 */
public final class CountingIdentityProvider implements IdentityProvider<AwsCredentialsIdentity> {

    private final AwsCredentialsIdentity identity;
    private final AtomicInteger resolutions = new AtomicInteger();

    private CountingIdentityProvider(AwsCredentialsIdentity identity) {
        this.identity = identity;
    }

    /** Wraps fixed credentials, e.g. ones that a local AWS endpoint accepts. */
    public static CountingIdentityProvider of(AwsCredentialsIdentity identity) {
        return new CountingIdentityProvider(identity);
    }

    /** Wraps fixed dummy credentials (access key id {@code AKIDCONTRACTTEST}). */
    public static CountingIdentityProvider dummy() {
        return of(AwsCredentialsIdentity.create("AKIDCONTRACTTEST", "contract-test-secret-not-real"));
    }

    /** How many times {@link #resolveIdentity(ResolveIdentityRequest)} was called. */
    public int resolutions() {
        return resolutions.get();
    }

    @Override
    public Class<AwsCredentialsIdentity> identityType() {
        return AwsCredentialsIdentity.class;
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        resolutions.incrementAndGet();
        return CompletableFuture.completedFuture(identity);
    }

    @Override
    public String toString() {
        return "CountingIdentityProvider[resolutions=" + resolutions.get() + "]";
    }
}
