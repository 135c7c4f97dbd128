package io.cdkj.toolkit.app.warm;

import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Host credentials for tests about app runs, not credentials: a moto caller in each stack's own
 * account (one AssumeRole per account), so lookups read that account's seeded data.
 */
final class MotoCallerCredentials implements TargetCredentials {

    private final MotoServer moto;
    private final Map<String, IdentityProvider<AwsCredentialsIdentity>> byAccount = new ConcurrentHashMap<>();

    MotoCallerCredentials(MotoServer moto) {
        this.moto = moto;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(CredentialTarget target) {
        if (target.role().isPresent()) {
            throw new UnsupportedOperationException("the sample app names no lookup role");
        }
        return byAccount.computeIfAbsent(target.environment().account(),
                account -> StaticCredentialsProvider.create(moto.callerIn(account)));
    }
}
