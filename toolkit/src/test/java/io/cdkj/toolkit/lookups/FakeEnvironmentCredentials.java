package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Host credentials for tests that need no AWS: records every target asked for and refuses the accounts
 * it is told to, with the host's message shape.
 */
public final class FakeEnvironmentCredentials implements TargetCredentials {

    private final Set<String> refusedAccounts;
    private final List<CredentialTarget> requests = new CopyOnWriteArrayList<>();

    public FakeEnvironmentCredentials(Set<String> refusedAccounts) {
        this.refusedAccounts = Set.copyOf(refusedAccounts);
    }

    public List<CredentialTarget> requests() {
        return List.copyOf(requests);
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(CredentialTarget target) {
        requests.add(target);
        if (refusedAccounts.contains(target.environment().account())) {
            throw new ToolkitException(ErrorCode.CREDENTIALS, "Need to perform AWS calls for account "
                    + target.environment().account() + ", but the current credentials are for 222222222222, and none of"
                    + " these plugins found any: (none selected)");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEFORTESTS", "not-a-secret"));
    }
}
