package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialTarget;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * What every AWS operation needs from the host: credentials for a {@link CredentialTarget}. The host
 * finds base credentials for the target's environment and mode (the default identity in its own
 * account, else the selected plugins in order, verified, failing closed), then assumes the target's role
 * on top when it names one — with the default identity of another account when nothing else gives
 * credentials for the target's (the standard cross-account path), and falling back to the base
 * credentials when a lookup role is refused but they act in the target account. Whatever is returned
 * acts in the target account. See docs/ARCHITECTURE.md, "Credential resolution".
 *
 * <p>Thread-safe: called concurrently for different targets. Providers returned are cached (one per
 * target, so one STS session per role) and owned by the implementation; callers must not close them.
 */
public interface TargetCredentials {

    /**
     * Credentials acting in {@code target.environment().account()} for {@code target.mode()}, with
     * {@code target.role()} assumed on top when present (a READ target's role may be replaced by the base
     * credentials, with a warning, when STS refuses it and they act in the target account).
     *
     * @throws ToolkitException {@link io.cdkj.toolkit.ErrorCode#CREDENTIALS} with the CDK-compatible
     *     message ({@code Need to perform AWS calls for account T, but the current credentials are for C,
     *     and none of these plugins found any: ...}) when none can be found, or naming the role ARN, the
     *     account and the caller when STS refuses the role
     */
    IdentityProvider<AwsCredentialsIdentity> forTarget(CredentialTarget target);
}
