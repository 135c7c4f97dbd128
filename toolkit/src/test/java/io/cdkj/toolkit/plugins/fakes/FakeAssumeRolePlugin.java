package io.cdkj.toolkit.plugins.fakes;

import com.google.auto.service.AutoService;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * A minimal assume-role plugin for host tests: assumes {@code cdk-readOnlyRole} (READ) or
 * {@code cdk-writeRole} (WRITE) in an account — the requested one, or the one in context key
 * {@value #ACTING_ACCOUNT_KEY} to play a plugin that hands out wrong-account credentials. Counts
 * {@code getProvider} calls. Registered with AutoService like a real plugin.
 */
@AutoService(CredentialProviderSource.class)
public final class FakeAssumeRolePlugin implements CredentialProviderSource {

    public static final String ACTING_ACCOUNT_KEY = "fake-assume:actingAccount";
    public static final AtomicInteger GET_PROVIDER_CALLS = new AtomicInteger();
    /** The caller ARNs the host passed, to prove it passes {@code callerArn()}. */
    public static final List<String> CALLER_ARNS = new CopyOnWriteArrayList<>();
    /** How many providers the host closed. */
    public static final AtomicInteger PROVIDERS_CLOSED = new AtomicInteger();

    private final List<StsClient> clients = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "fake-assume";
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
        GET_PROVIDER_CALLS.incrementAndGet();
        request.callerArn().ifPresent(CALLER_ARNS::add);
        String account = request.configuration().contextValue(ACTING_ACCOUNT_KEY).map(String::valueOf)
                .orElse(request.account());
        String role = request.mode() == Mode.READ ? "cdk-readOnlyRole" : "cdk-writeRole";
        StsClient sts = StsClient.builder()
                .credentialsProvider(request.baseCredentials())
                .region(Region.of(request.region()))
                .build();
        clients.add(sts);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn("arn:" + request.partition() + ":iam::" + account + ":role/" + role)
                        .roleSessionName("fake-assume"))
                .build();
        provider.resolveCredentials();
        return new Tracked(provider);
    }

    /** The SDK provider, plus a count of the host closing it (idempotent, as SDK providers are). */
    private record Tracked(StsAssumeRoleCredentialsProvider delegate, java.util.concurrent.atomic.AtomicBoolean closed)
            implements IdentityProvider<AwsCredentialsIdentity>, AutoCloseable {
        Tracked(StsAssumeRoleCredentialsProvider delegate) {
            this(delegate, new java.util.concurrent.atomic.AtomicBoolean());
        }

        @Override
        public Class<AwsCredentialsIdentity> identityType() {
            return AwsCredentialsIdentity.class;
        }

        @Override
        public java.util.concurrent.CompletableFuture<AwsCredentialsIdentity> resolveIdentity(
                software.amazon.awssdk.identity.spi.ResolveIdentityRequest request) {
            return delegate.resolveIdentity(request).thenApply(identity -> identity);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                PROVIDERS_CLOSED.incrementAndGet();
            }
            delegate.close();
        }

        @Override
        public String toString() {
            return "Tracked[" + delegate + "]";
        }
    }

    @Override
    public void close() {
        clients.forEach(StsClient::close);
    }
}
