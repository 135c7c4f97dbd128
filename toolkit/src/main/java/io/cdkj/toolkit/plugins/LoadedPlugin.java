package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin found on the plugin path, with the result of its one {@code isAvailable()} call.
 *
 * @param name              its {@link CredentialProviderSource#name()}
 * @param source            the instance (owned by the {@link PluginRegistry}, which closes it)
 * @param location          the jar or directory it was loaded from
 * @param unavailableReason empty when available; otherwise why not
 */
public record LoadedPlugin(String name, CredentialProviderSource source, String location,
        Optional<String> unavailableReason) {

    public LoadedPlugin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(unavailableReason, "unavailableReason");
    }

    /** Whether {@code isAvailable()} returned true. */
    public boolean available() {
        return unavailableReason.isEmpty();
    }

    /** The implementing class, for messages. */
    public String className() {
        return PluginNames.classOf(source).getName();
    }

    @Override
    public String toString() {
        return name + " (" + className() + " from " + location + ")";
    }
}
