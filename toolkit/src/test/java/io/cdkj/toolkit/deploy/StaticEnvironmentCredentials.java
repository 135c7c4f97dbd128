package io.cdkj.toolkit.deploy;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.EnvironmentCredentials;
import io.cdkj.toolkit.credentials.RoleToAssume;
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
final class StaticEnvironmentCredentials implements EnvironmentCredentials {

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
    public IdentityProvider<AwsCredentialsIdentity> forEnvironment(AwsEnvironment environment, Mode mode) {
        requests.add(new Request(environment, mode, null));
        return StaticCredentialsProvider.create(credentialsFor(environment));
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> assumeOnTop(AwsEnvironment environment, Mode mode, RoleToAssume role) {
        requests.add(new Request(environment, mode, role.roleArn()));
        return assume.apply(credentialsFor(environment), role);
    }

    private AwsCredentials credentialsFor(AwsEnvironment environment) {
        AwsCredentials credentials = byAccount.get(environment.account());
        if (credentials == null) {
            throw new IllegalStateException("test has no credentials for " + environment);
        }
        return credentials;
    }
}
