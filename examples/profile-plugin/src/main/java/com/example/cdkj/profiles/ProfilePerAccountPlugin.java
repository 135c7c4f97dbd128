package com.example.cdkj.profiles;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Gives cdkj the credentials of a named AWS profile per target account, configured in the app's
 * context: {@code "profile-per-account:111111111111": "dev-admin"} in {@code cdk.json}, or
 * {@code --context profile-per-account:111111111111=dev-admin}.
 *
 * <p>Stateless and thread-safe. The providers it returns are the SDK's own profile providers, which
 * refresh role and process credentials by themselves.
 */
@AutoService(CredentialProviderSource.class)
public final class ProfilePerAccountPlugin implements CredentialProviderSource {

    /** Context keys are this prefix followed by the 12-digit account id. */
    static final String PREFIX = "profile-per-account:";

    @Override
    public String name() {
        return "profile-per-account";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        // Cheap and side-effect free: only reads the configuration the host passed in.
        return profileFor(request).isPresent()
                ? Decision.provide()
                : Decision.decline("no " + PREFIX + request.account() + " in the context");
    }

    @Override
    public Optional<String> describe(CredentialRequest request) {
        // For dry runs: where the credentials would come from, never the credentials themselves.
        return profileFor(request).map(profile -> "use the AWS profile " + profile
                + " (from " + PREFIX + request.account() + ")");
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        String profile = profileFor(request).orElseThrow();
        if (ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
            throw new CredentialProviderException("profile '" + profile + "' (from " + PREFIX + request.account()
                    + ") is not in the AWS config or credentials file; add it, or fix the context value");
        }
        return ProfileCredentialsProvider.builder().profileName(profile).build();
    }

    private static Optional<String> profileFor(CredentialRequest request) {
        String key = PREFIX + request.account();
        Optional<Object> value = request.configuration().contextValue(key);
        if (value.isPresent() && !(value.get() instanceof String name && !name.isBlank())) {
            throw new CredentialProviderException(key + " must be a profile name, got " + value.get());
        }
        return value.map(String.class::cast);
    }
}
