package io.cdkj.toolkit.lookups;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.EnvironmentCredentials;
import io.cdkj.toolkit.credentials.RoleToAssume;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Host credentials for tests that need no AWS: records every request and refuses the accounts it is
 * told to, with the host's message shape.
 */
public final class FakeEnvironmentCredentials implements EnvironmentCredentials {

    /** A recorded request: {@code role} is null for {@link #forEnvironment}. */
    public record Request(AwsEnvironment environment, Mode mode, RoleToAssume role) {
    }

    private final Set<String> refusedAccounts;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeEnvironmentCredentials(Set<String> refusedAccounts) {
        this.refusedAccounts = Set.copyOf(refusedAccounts);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forEnvironment(AwsEnvironment environment, Mode mode) {
        requests.add(new Request(environment, mode, null));
        return answer(environment);
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> assumeOnTop(AwsEnvironment environment, Mode mode, RoleToAssume role) {
        requests.add(new Request(environment, mode, role));
        return answer(environment);
    }

    private IdentityProvider<AwsCredentialsIdentity> answer(AwsEnvironment environment) {
        if (refusedAccounts.contains(environment.account())) {
            throw new ToolkitException(ErrorCode.CREDENTIALS, "Need to perform AWS calls for account "
                    + environment.account() + ", but the current credentials are for 222222222222, and none of"
                    + " these plugins found any: (none selected)");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEFORTESTS", "not-a-secret"));
    }
}
