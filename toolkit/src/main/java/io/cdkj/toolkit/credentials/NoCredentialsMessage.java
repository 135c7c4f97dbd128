package io.cdkj.toolkit.credentials;

import java.util.List;
import java.util.Optional;

/**
 * The fail-closed message (docs/ARCHITECTURE.md, "Credential resolution"), worded as the CDK CLI words it so that people and
 * scripts recognise it:
 * {@code Need to perform AWS calls for account T, but the current credentials are for C, and none of
 * these plugins found any: assume-role (reason)}, followed by a hint. Stateless.
 */
final class NoCredentialsMessage {

    private NoCredentialsMessage() {
    }

    /**
     * @param caller    the default identity, empty when no credentials are configured
     * @param reasons   {@code name (reason)} per plugin asked
     * @param available names of the plugins found (for the hint when none was selected)
     */
    static String of(String account, Optional<CallerIdentity> caller, List<String> reasons, List<String> available) {
        StringBuilder message = new StringBuilder("Need to perform AWS calls for account ").append(account);
        message.append(caller.map(c -> ", but the current credentials are for " + c.account())
                .orElse(", but no credentials have been configured"));
        if (reasons.isEmpty()) {
            message.append(", and no credential plugin was selected. ");
            if (available.isEmpty()) {
                message.append("Install a credential plugin (e.g. the assume-role plugin jar in ./plugins) and select it"
                        + " with --plugin NAME");
            } else {
                message.append("Select a plugin with --plugin ").append(available.get(0))
                        .append(available.size() > 1 ? " (found: " + String.join(", ", available) + ")" : "")
                        .append(" or the \"plugin\" array of cdk.json");
            }
        } else {
            message.append(", and none of these plugins found any: ").append(String.join(", ", reasons))
                    .append(". Fix the plugin's configuration or select another plugin with --plugin");
        }
        message.append(", or use credentials for account ").append(account).append('.');
        return message.toString();
    }
}
