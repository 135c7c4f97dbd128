package io.cdkj.toolkit.plugins.fakes;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** Always declines, with a reason naming the account. */
@AutoService(CredentialProviderSource.class)
public final class DecliningPlugin implements CredentialProviderSource {

    @Override
    public String name() {
        return "fake-declining";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        return Decision.decline("fake-declining never serves account " + request.account());
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        throw new AssertionError("getProvider called after a decline");
    }
}
