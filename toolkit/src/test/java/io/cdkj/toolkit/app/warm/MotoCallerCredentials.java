package io.cdkj.toolkit.app.warm;

import io.cdkj.localaws.MotoServer;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.EnvironmentCredentials;
import io.cdkj.toolkit.credentials.RoleToAssume;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Host credentials for tests about app runs, not credentials: a moto caller in each stack's own
 * account (one AssumeRole per account), so lookups read that account's seeded data.
 */
final class MotoCallerCredentials implements EnvironmentCredentials {

    private final MotoServer moto;
    private final Map<String, IdentityProvider<AwsCredentialsIdentity>> byAccount = new ConcurrentHashMap<>();

    MotoCallerCredentials(MotoServer moto) {
        this.moto = moto;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forEnvironment(AwsEnvironment environment, Mode mode) {
        return byAccount.computeIfAbsent(environment.account(),
                account -> StaticCredentialsProvider.create(moto.callerIn(account)));
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> assumeOnTop(AwsEnvironment environment, Mode mode, RoleToAssume role) {
        throw new UnsupportedOperationException("the sample app names no lookup role");
    }
}
