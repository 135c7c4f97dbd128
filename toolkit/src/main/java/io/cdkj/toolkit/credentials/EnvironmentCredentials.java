package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * What the synth, lookup and deploy code needs from the host: credentials that act in a stack's
 * environment. Implementations follow ARCHITECTURE.md "Credential resolution in the host" steps
 * 1–7 (default identity, plugins in order, verification, fail closed, role on top, cache).
 *
 * <p>Thread-safe: called concurrently for different environments. Providers returned are cached
 * and owned by the implementation (closed when it is closed); callers must not close them.
 */
public interface EnvironmentCredentials {

    /**
     * Credentials acting in {@code environment.account()} for {@code mode}.
     *
     * @throws ToolkitException with {@link io.cdkj.toolkit.ErrorCode#CREDENTIALS} and the
     *     CDK-compatible message ({@code Need to perform AWS calls for account T, but the current
     *     credentials are for C, and none of these plugins found any: ...}) when none can be found
     */
    IdentityProvider<AwsCredentialsIdentity> forEnvironment(AwsEnvironment environment, Mode mode);

    /**
     * Credentials of {@code role}, assumed with the credentials of
     * {@link #forEnvironment(AwsEnvironment, Mode)} (role chaining). {@code ${AWS::Partition}} in the
     * ARN is replaced with the environment region's partition. One STS session per distinct
     * (environment, mode, role), shared by every caller.
     *
     * @throws ToolkitException naming the role ARN, the account and the caller when STS refuses
     */
    IdentityProvider<AwsCredentialsIdentity> assumeOnTop(AwsEnvironment environment, Mode mode, RoleToAssume role);
}
