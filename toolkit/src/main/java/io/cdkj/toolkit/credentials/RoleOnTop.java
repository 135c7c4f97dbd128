package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Puts a target's role on top of the base credentials, as the Node CLI does (docs/SYNTH.md, "Roles on
 * top"):
 * <ul>
 *   <li>base credentials for the target account (the default identity, or a plugin): assume the role
 *       with them; if STS refuses a READ target's role (a lookup role), warn and use the base
 *       credentials — they act in the right account;</li>
 *   <li>no base credentials for the account, but a default identity in another one: assume the role
 *       with the default identity (the standard cross-account path into accounts bootstrapped with
 *       {@code --trust}); a refusal fails with the trust hint.</li>
 * </ul>
 * Whatever is assumed is verified to act in the target account before it is returned (fail closed).
 * Stateless; thread-safe.
 */
final class RoleOnTop {

    private static final Logger LOG = LoggerFactory.getLogger(RoleOnTop.class);

    private final RoleChaining roles;
    private final DefaultIdentity defaultIdentity;
    private final Consumer<String> warnings;

    /** @param warnings where the lookup-role fallback is announced (one line, shown to the user) */
    RoleOnTop(RoleChaining roles, DefaultIdentity defaultIdentity, Consumer<String> warnings) {
        this.roles = roles;
        this.defaultIdentity = defaultIdentity;
        this.warnings = warnings;
    }

    /**
     * @param target a target with a role
     * @param base   the target environment's base credentials (as resolved, possibly none)
     * @param owned  receives the providers created, for closing
     * @throws io.cdkj.toolkit.ToolkitException when there is nothing to assume the role with (the
     *     fail-closed message), when STS refuses it and no fallback applies, or when the result acts in
     *     another account
     */
    OnTop put(CredentialTarget target, Resolution base, Consumer<Object> owned) {
        if (base instanceof Resolution.None none && none.caller().isPresent()) {
            CallerIdentity caller = none.caller().get();
            LOG.info("No credentials for account {} from a plugin: assuming {} with the default identity {}",
                    target.environment().account(), target.role().orElseThrow().arnIn(target.environment()), caller.arn());
            return new OnTop.Assumed(roles.assume(target, defaultIdentity.provider(), caller.arn(), caller.account(), owned),
                    true);
        }
        IdentityProvider<AwsCredentialsIdentity> provider = base.provider();
        CallerIdentity caller = base.actingAs().orElseThrow();
        String description = caller.arn() + base.fromPlugin().map(plugin -> " (from plugin " + plugin + ")").orElse("");
        try {
            return new OnTop.Assumed(roles.assume(target, provider, description, caller.account(), owned), false);
        } catch (RoleNotAssumedException e) {
            if (target.mode() != Mode.READ) {
                throw e;
            }
            warnings.accept("Lookup role " + target.role().orElseThrow().arnIn(target.environment()) + " was not assumed ("
                    + e.reason() + "); proceeding with " + base.fromPlugin().map(plugin -> "the credentials of plugin " + plugin)
                    .orElse("the default credentials") + ", which act in account " + target.environment().account());
            return new OnTop.BaseInstead(provider, e.reason());
        }
    }
}
