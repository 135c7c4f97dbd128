package io.cdkj.toolkit.plugins.fakes;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Proves that the host asks for several accounts' credentials at the same time: each
 * {@code getProvider} counts {@link #GATE} down and waits for it to reach zero, so with a gate of N,
 * N requests must be in flight together or they fail. Then assumes {@code cdk-writeRole} in the
 * requested account with the base credentials (moto lets any role be assumed). A test sets the gate
 * before it runs the host; the default gate of 1 lets every request through.
 */
@AutoService(CredentialProviderSource.class)
public final class GatedAssumeRolePlugin implements CredentialProviderSource {

    /** The latch every request counts down and waits for. */
    public static volatile CountDownLatch gate = new CountDownLatch(1);

    @Override
    public String name() {
        return "fake-gated";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        return Decision.provide();
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        CountDownLatch latch = gate;
        latch.countDown();
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new CredentialProviderException("fake-gated: the other requests never came (not in parallel)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialProviderException("fake-gated: interrupted", e);
        }
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(StsClient.builder().credentialsProvider(request.baseCredentials())
                        .region(Region.of(request.region())).build())
                .refreshRequest(r -> r.roleArn("arn:" + request.partition() + ":iam::" + request.account() + ":role/cdk-writeRole")
                        .roleSessionName("fake-gated"))
                .build();
        provider.resolveCredentials();
        return provider;
    }
}
