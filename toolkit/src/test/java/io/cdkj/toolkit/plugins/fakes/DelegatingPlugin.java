package io.cdkj.toolkit.plugins.fakes;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** A base for plugins compiled at test time (not registered itself): declines everything. */
public abstract class DelegatingPlugin implements CredentialProviderSource {

    @Override
    public String name() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        return Decision.decline(name() + " declines");
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        throw new IllegalStateException("not implemented");
    }
}
