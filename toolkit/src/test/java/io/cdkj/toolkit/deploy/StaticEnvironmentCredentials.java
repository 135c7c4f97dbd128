package io.cdkj.toolkit.deploy;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * A stand-in for the host's credential resolution (our own interface, not an SDK one): fixed
 * credentials per account, and role chaining delegated to a function the test supplies. Records each
 * request so tests can assert the mode and role the engine asked for.
 */
final class StaticEnvironmentCredentials implements TargetCredentials {

    record Request(AwsEnvironment environment, Mode mode, String roleArn) {
    }

    private final Map<String, AwsCredentials> byAccount;
    private final BiFunction<AwsCredentials, RoleToAssume, IdentityProvider<AwsCredentialsIdentity>> assume;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    StaticEnvironmentCredentials(Map<String, AwsCredentials> byAccount,
            BiFunction<AwsCredentials, RoleToAssume, IdentityProvider<AwsCredentialsIdentity>> assume) {
        this.byAccount = byAccount;
        this.assume = assume;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(CredentialTarget target) {
        requests.add(new Request(target.environment(), target.mode(), target.role().map(RoleToAssume::arnTemplate)
                .orElse(null)));
        AwsCredentials base = credentialsFor(target.environment());
        return target.role().map(role -> assume.apply(base, role))
                .orElseGet(() -> StaticCredentialsProvider.create(base));
    }

    private AwsCredentials credentialsFor(AwsEnvironment environment) {
        AwsCredentials credentials = byAccount.get(environment.account());
        if (credentials == null) {
            throw new IllegalStateException("test has no credentials for " + environment);
        }
        return credentials;
    }
}
