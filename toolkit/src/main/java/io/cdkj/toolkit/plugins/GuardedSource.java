package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * A plugin as the host sees it: every method runs through the {@link PluginGuard} (own thread,
 * deadline, every non-fatal {@link Throwable} the plugin's failure), and the provider
 * {@code getProvider} returns is guarded the same way ({@link GuardedProvider}). The registry wraps
 * each plugin once, so no host code calls a plugin directly.
 *
 * <p>Thread-safe as far as the plugin is (the SPI requires it).
 */
final class GuardedSource implements CredentialProviderSource {

    private final CredentialProviderSource plugin;
    private final PluginGuard guard;
    /** The name for messages: the class until {@link #name()} has answered. */
    private volatile String label;

    GuardedSource(CredentialProviderSource plugin, PluginGuard guard) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.label = plugin.getClass().getName();
    }

    /** The plugin's own class, for messages and its location. */
    Class<?> pluginClass() {
        return plugin.getClass();
    }

    @Override
    public String name() {
        String name = guard.call(label, "name", plugin::name);
        if (name != null && !name.isBlank()) {
            label = name;
        }
        return name;
    }

    @Override
    public boolean isAvailable() {
        return guard.call(label, "isAvailable", plugin::isAvailable);
    }

    @Override
    public String unavailableReason() {
        return guard.call(label, "unavailableReason", plugin::unavailableReason);
    }

    @Override
    public Decision canProvideCredentials(CredentialRequest request) {
        return guard.call(label, "canProvideCredentials", () -> plugin.canProvideCredentials(request));
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> getProvider(CredentialRequest request) {
        IdentityProvider<AwsCredentialsIdentity> provider = guard.call(label, "getProvider",
                () -> plugin.getProvider(request));
        return provider == null ? null : new GuardedProvider(provider, label, guard);
    }

    @Override
    public Optional<String> describe(CredentialRequest request) {
        return guard.call(label, "describe", () -> plugin.describe(request));
    }

    @Override
    public void close() {
        guard.call(label, "close", () -> {
            plugin.close();
            return null;
        });
    }

    @Override
    public String toString() {
        return label + " (" + plugin.getClass().getName() + ", guarded)";
    }
}
