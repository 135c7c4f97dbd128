package io.cdkj.toolkit.deploy;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.credentials.TargetCredentials;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The credentials and CloudFormation client a stack is deployed or destroyed with: the stack's WRITE
 * target (its deploy role on top of the environment's WRITE credentials, when the assembly names one).
 * The providers come from the host and refresh themselves, so a long deployment does not outlive its
 * credentials.
 *
 * <p>Thread-safe.
 */
final class StackClients {

    private final TargetCredentials credentials;
    private final AwsClientFactory clients;

    StackClients(TargetCredentials credentials, AwsClientFactory clients) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    IdentityProvider<AwsCredentialsIdentity> credentials(ResolvedStack stack) {
        return credentials.forTarget(stack.target(Mode.WRITE));
    }

    CloudFormationClient cloudFormation(ResolvedStack stack, IdentityProvider<AwsCredentialsIdentity> credentials) {
        return clients.create(CloudFormationClient.builder(), credentials, stack.environment().region());
    }

    /** The host's credentials, for targets of other roles (asset publishing). */
    TargetCredentials targets() {
        return credentials;
    }

    /** The factory, for clients of other services (S3 for assets). */
    AwsClientFactory factory() {
        return clients;
    }
}
