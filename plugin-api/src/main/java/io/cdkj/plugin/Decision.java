package io.cdkj.plugin;

import java.util.Objects;

/**
 * A plugin's answer to {@link CredentialProviderSource#canProvideCredentials(CredentialRequest)}.
 *
 * <p>A decline always carries a human-readable reason. The host puts the reasons of every plugin
 * that declined into its final error message, so a good reason names what was missing or what the
 * user can change, e.g. {@code "account 444455556666 is not in assume-role-credentials:allowedAccounts"}.
 *
 * @param canProvide whether the plugin will be asked for a provider
 * @param reason     why the plugin declines; empty when it can provide, never null
 */
public record Decision(boolean canProvide, String reason) {

    private static final Decision PROVIDE = new Decision(true, "");

    /** Validates that a decline has a reason and that an acceptance has none. */
    public Decision {
        Objects.requireNonNull(reason, "reason");
        if (!canProvide && reason.isBlank()) {
            throw new IllegalArgumentException("a declining Decision needs a non-blank reason");
        }
        if (canProvide && !reason.isEmpty()) {
            throw new IllegalArgumentException("an accepting Decision has no reason");
        }
    }

    /** The plugin can provide credentials for the request. */
    public static Decision provide() {
        return PROVIDE;
    }

    /**
     * The plugin cannot provide credentials for the request.
     *
     * @param reason why, for a person reading an error message; never blank
     */
    public static Decision decline(String reason) {
        return new Decision(false, reason);
    }
}
