package io.cdkj.plugin.assumerole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Creates the SDK's refreshing {@link StsAssumeRoleCredentialsProvider} for resolved settings,
 * resolves it once so that a role that cannot be assumed fails right away with a clear message, and
 * owns what it created — the STS clients and the providers — until {@link #close()}.
 *
 * <p>Thread-safe. The providers it returns are thread-safe too (the SDK's cached supplier refreshes
 * them before they expire).
 */
final class RoleSessions implements AutoCloseable {

    private final StsClients stsClients = new StsClients();
    private final List<StsAssumeRoleCredentialsProvider> providers = new ArrayList<>();
    private boolean closed;

    /**
     * @param settings          the role and session to assume
     * @param sourceCredentials the host's credentials, used to call STS
     * @param callerArn         the host identity's ARN, for messages
     * @return a refreshing provider whose first credentials have been fetched
     * @throws io.cdkj.plugin.CredentialProviderException when STS refuses or cannot be reached
     */
    StsAssumeRoleCredentialsProvider open(AssumeRoleSettings settings,
            IdentityProvider<? extends AwsCredentialsIdentity> sourceCredentials, Optional<String> callerArn) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(settings.roleArn())
                .roleSessionName(settings.roleSessionName())
                .durationSeconds(settings.durationSeconds());
        settings.externalId().ifPresent(request::externalId);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(stsClients.get(settings.stsRegion(), sourceCredentials))
                .refreshRequest(request.build())
                .build();
        try {
            provider.resolveCredentials();
        } catch (RuntimeException e) {
            provider.close();
            throw AssumeRoleFailures.assumeRoleFailed(settings, callerArn, e);
        }
        synchronized (this) {
            if (closed) {
                provider.close();
                throw new IllegalStateException("the assume-role plugin has been closed");
            }
            providers.add(provider);
        }
        return provider;
    }

    /** How many STS clients exist, for tests. */
    int stsClientCount() {
        return stsClients.size();
    }

    /**
     * Closes the providers, then the STS clients; idempotent. The host may close the same providers
     * too: closing an SDK provider twice is harmless.
     */
    @Override
    public void close() {
        List<StsAssumeRoleCredentialsProvider> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(providers);
            providers.clear();
        }
        toClose.forEach(provider -> {
            try {
                provider.close();
            } catch (RuntimeException e) {
                // Closing is best effort at the end of a command.
            }
        });
        stsClients.close();
    }
}
