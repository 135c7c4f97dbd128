package io.cdkj.toolkit.deploy;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.credentials.EnvironmentCredentials;
import io.cdkj.toolkit.credentials.RoleToAssume;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The credentials and CloudFormation client a stack is deployed or destroyed with: WRITE credentials
 * for the stack's environment, with the stack's {@code assumeRoleArn} assumed on top when the assembly
 * names one. The providers come from the host and refresh themselves, so a long deployment does not
 * outlive its credentials.
 *
 * <p>Thread-safe.
 */
final class StackClients {

    private final EnvironmentCredentials credentials;
    private final AwsClientFactory clients;

    StackClients(EnvironmentCredentials credentials, AwsClientFactory clients) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    IdentityProvider<AwsCredentialsIdentity> credentials(StackDeployment stack) {
        if (stack.assumeRoleArn().isPresent()) {
            return credentials.assumeOnTop(stack.environment(), Mode.WRITE,
                    new RoleToAssume(stack.assumeRoleArn().get(), stack.assumeRoleExternalId()));
        }
        return credentials.forEnvironment(stack.environment(), Mode.WRITE);
    }

    CloudFormationClient cloudFormation(StackDeployment stack, IdentityProvider<AwsCredentialsIdentity> credentials) {
        return clients.create(CloudFormationClient.builder(), credentials, stack.environment().region());
    }

    /** The factory, for clients of other services (S3 for assets). */
    AwsClientFactory factory() {
        return clients;
    }
}
