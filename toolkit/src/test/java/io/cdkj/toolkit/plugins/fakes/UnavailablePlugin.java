package io.cdkj.toolkit.plugins.fakes;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** Says it is not available; counts isAvailable() calls on this instance (the host must make exactly one). */
@AutoService(CredentialProviderSource.class)
public final class UnavailablePlugin implements CredentialProviderSource {

    private final AtomicInteger isAvailableCalls = new AtomicInteger();

    /** How often {@link #isAvailable()} was called on this instance. */
    public int isAvailableCalls() {
        return isAvailableCalls.get();
    }

    @Override
    public String name() {
        return "fake-unavailable";
    }

    @Override
    public boolean isAvailable() {
        isAvailableCalls.incrementAndGet();
        return false;
    }

    @Override
    public String unavailableReason() {
        return "fake-unavailable needs FAKE_TOOL on the PATH";
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        throw new AssertionError("asked although unavailable");
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        throw new AssertionError("asked although unavailable");
    }
}
