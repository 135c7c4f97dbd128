package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The plugin's whole configuration, validated, before it is applied to a request. Immutable and
 * thread-safe.
 *
 * @param accounts        per-account overrides, keyed by 12-digit account id
 * @param context         the app-level context keys
 * @param environment     the {@code CDKJ_ASSUME_ROLE_*} environment variables
 * @param allowedAccounts the accounts the plugin may serve (context, else environment); empty means all
 * @param stsRegion       the region whose STS endpoint to call (context, else environment); empty
 *                        means the target region
 */
record ParsedConfiguration(
        Map<String, ConfigLayer> accounts,
        ConfigLayer context,
        ConfigLayer environment,
        Optional<Setting<Set<String>>> allowedAccounts,
        Optional<Setting<String>> stsRegion) {

    ParsedConfiguration {
        accounts = Map.copyOf(accounts);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(allowedAccounts, "allowedAccounts");
        Objects.requireNonNull(stsRegion, "stsRegion");
    }

    /** The levels that apply to an account, highest precedence first (defaults are not a level here). */
    List<ConfigLayer> levelsFor(String account) {
        List<ConfigLayer> levels = new ArrayList<>(3);
        Optional.ofNullable(accounts.get(account)).ifPresent(levels::add);
        levels.add(context);
        levels.add(environment);
        return levels;
    }

    /**
     * Why the plugin declines a request it is configured correctly for, if it does: the account is not
     * allowed, or the mode is one this version does not know.
     */
    Optional<String> declineReason(CredentialRequest request) {
        if (request.mode() != Mode.READ && request.mode() != Mode.WRITE) {
            return Optional.of("the assume-role plugin has no role for mode " + request.mode().cliName());
        }
        return allowedAccounts
                .filter(allowed -> !allowed.value().contains(request.account()))
                .map(allowed -> "account " + request.account() + " is not in " + allowed.key() + " ("
                        + (allowed.value().isEmpty() ? "empty" : String.join(", ", allowed.value())) + ")");
    }
}
