package io.cdkj.toolkit.plugins.fakes;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** Throws from canProvideCredentials: the host must record it as a reason, not crash. */
@AutoService(CredentialProviderSource.class)
public final class ThrowingPlugin implements CredentialProviderSource {

    @Override
    public String name() {
        return "fake-throwing";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        throw new IllegalStateException("fake-throwing exploded for account " + request.account());
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        throw new AssertionError("not reached");
    }
}
