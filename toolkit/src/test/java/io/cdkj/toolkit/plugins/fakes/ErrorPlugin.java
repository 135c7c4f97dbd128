package io.cdkj.toolkit.plugins.fakes;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** Throws an {@link Error} from canProvideCredentials: the host must report it as this plugin's failure. */
@AutoService(CredentialProviderSource.class)
public final class ErrorPlugin implements CredentialProviderSource {

    /** The error it throws. */
    public static final class PluginError extends Error {
        private static final long serialVersionUID = 1L;

        PluginError(String message) {
            super(message);
        }
    }

    @Override
    public String name() {
        return "fake-error";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        throw new PluginError("fake-error: out of memory, pretend");
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        throw new AssertionError("not reached");
    }
}
