package io.cdkj.toolkit.credentials;

import java.util.Optional;

/**
 * What one plugin answered when the host asked it for credentials for one target — the data behind the
 * fail-closed message, {@code cdkj credentials} and its dry run. Built by the host's plugin chain only;
 * never holds a secret.
 */
public sealed interface PluginAnswer {

    /** The plugin's name. */
    String plugin();

    /** Why the plugin gave nothing, or what it gave, without the name: {@code never serves 111…}. */
    String detail();

    /** What a dry run says the plugin would do: {@code would decline (…)}. */
    String dryRun();

    /** {@code name (detail)}, as the fail-closed message lists the plugins asked. */
    default String reason() {
        return plugin() + " (" + detail() + ")";
    }

    /** {@code isAvailable()} returned false when the plugin was loaded. */
    record Unavailable(String plugin, String detail) implements PluginAnswer {
        @Override
        public String dryRun() {
            return "unavailable (" + detail + ")";
        }
    }

    /** {@code canProvideCredentials} declined, with the plugin's reason. */
    record Declined(String plugin, String detail) implements PluginAnswer {
        @Override
        public String dryRun() {
            return "would decline (" + detail + ")";
        }
    }

    /** The plugin threw, broke its contract, or its credentials could not be used. */
    record Failed(String plugin, String detail) implements PluginAnswer {
        @Override
        public String dryRun() {
            return "would fail (" + detail + ")";
        }
    }

    /** Dry run only: the plugin can provide, and says what it would do (if it can say without doing it). */
    record WouldProvide(String plugin, Optional<String> description) implements PluginAnswer {
        @Override
        public String detail() {
            return description.orElse("would be asked for credentials");
        }

        @Override
        public String dryRun() {
            return description.map(d -> "would provide (" + d + ")").orElse("would be asked for credentials");
        }
    }

    /** The plugin gave credentials, verified to act as {@code verified}. */
    record Provided(String plugin, CallerIdentity verified) implements PluginAnswer {
        @Override
        public String detail() {
            return "provided " + verified.arn();
        }

        @Override
        public String dryRun() {
            return detail();
        }
    }
}
