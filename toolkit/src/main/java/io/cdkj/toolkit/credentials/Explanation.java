package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.access.CredentialTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the host gets — or, in a dry run, would get — credentials for one target: computed once by the
 * host, rendered by {@code cdkj credentials} in every form. Never holds a secret.
 *
 * <p>Immutable.
 *
 * @param target          what was explained
 * @param dryRun          whether no AWS call was made (then nothing is verified)
 * @param plugin          the plugin the base credentials come from; empty for the default identity, and in a dry run
 * @param actingAs        who the base credentials act as; empty in a dry run
 * @param plugins         what each plugin asked answered, in order
 * @param roleArn         the target's role on top, resolved for its environment
 * @param roleSessionName the session name of that role
 * @param account         the account the result acts in (in a dry run: the one expected)
 * @param roleNotAssumed  why the role was not assumed, when a lookup role was refused and the base
 *                        credentials (acting in the target account) are used instead
 */
public record Explanation(CredentialTarget target, boolean dryRun, Optional<String> plugin,
        Optional<CallerIdentity> actingAs, List<PluginAnswer> plugins, Optional<String> roleArn, String roleSessionName,
        String account, Optional<String> roleNotAssumed) {

    public Explanation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(actingAs, "actingAs");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roleNotAssumed, "roleNotAssumed");
    }

    /**
     * Whether the base credentials act in another account than the target's: no plugin gave credentials
     * for it, and the default identity assumes the target's role directly.
     */
    public boolean baseElsewhere() {
        return actingAs.map(caller -> !caller.account().equals(target.environment().account())).orElse(false);
    }

}
