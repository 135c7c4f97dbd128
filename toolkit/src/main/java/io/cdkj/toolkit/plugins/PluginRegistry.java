package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential plugins of one invocation, by name: loaded from the plugin path and the toolkit's
 * class path ({@link PluginLoader}: each provider under its own guard), or given as instances
 * ({@link #of}). Either way the names are checked ({@link PluginNames}: invalid and duplicate names
 * are rejected as {@link LoadFailure}s, never a crash) and {@code isAvailable()} is called exactly
 * once per plugin, here. Every plugin is wrapped in a {@link GuardedSource}: whatever the host calls on
 * it runs through the {@link PluginGuard}.
 *
 * <p>Thread-safe after construction (immutable state). The registry owns the plugins: closing it
 * closes every plugin (each guarded) and the plugin class loader.
 */
public final class PluginRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<String, LoadedPlugin> plugins;
    private final Map<String, String> duplicates;
    private final List<LoadFailure> failures;
    private final URLClassLoader ownLoader;

    private PluginRegistry(PluginLoader.Loaded loaded, URLClassLoader ownLoader) {
        PluginNames names = PluginNames.check(loaded.sources());
        names.rejected().forEach(PluginRegistry::closeQuietly);
        Map<String, LoadedPlugin> available = new LinkedHashMap<>();
        names.accepted().forEach((name, source) -> available.put(name,
                new LoadedPlugin(name, source, PluginNames.locationOf(source), availability(source))));
        this.plugins = Map.copyOf(available);
        this.duplicates = names.duplicates();
        this.failures = Stream.concat(loaded.failures().stream(), names.failures().stream()).toList();
        this.ownLoader = ownLoader;
        plugins.values().forEach(p -> LOG.debug("Loaded plugin {} from {}", p.name(), p.location()));
        failures.forEach(f -> LOG.warn("Plugin load failure: {}", f));
    }

    /**
     * Loads the plugins of {@code pluginPath} (jars or directories of jars) and of {@code parent}'s class
     * path; every call into them runs through {@code guard}.
     */
    public static PluginRegistry load(List<Path> pluginPath, ClassLoader parent, PluginGuard guard) {
        PluginPath path = PluginPath.scan(pluginPath);
        URLClassLoader loader = new URLClassLoader("cdkj-plugins", path.urls(), parent);
        return new PluginRegistry(PluginLoader.load(loader, path, guard), loader);
    }

    /** {@link #load(List, ClassLoader, PluginGuard)} with the default guard. */
    public static PluginRegistry load(List<Path> pluginPath, ClassLoader parent) {
        return load(pluginPath, parent, PluginGuard.defaults());
    }

    /** Loads the plugins visible to {@code loader} (for tests and embedding), with the default guard. */
    public static PluginRegistry load(ClassLoader loader) {
        return new PluginRegistry(PluginLoader.load(loader, PluginPath.scan(List.of()), PluginGuard.defaults()), null);
    }

    /** A registry of the given plugins, guarded by default, which it then owns (for tests and embedding). */
    public static PluginRegistry of(List<? extends CredentialProviderSource> sources) {
        PluginGuard guard = PluginGuard.defaults();
        List<CredentialProviderSource> guarded = sources.stream()
                .<CredentialProviderSource>map(source -> new GuardedSource(source, guard)).toList();
        return new PluginRegistry(new PluginLoader.Loaded(guarded, List.of()), null);
    }

    private static Optional<String> availability(CredentialProviderSource source) {
        try {
            if (source.isAvailable()) {
                return Optional.empty();
            }
            String reason = source.unavailableReason();
            return Optional.of(reason == null || reason.isBlank() ? "not available" : reason);
        } catch (PluginCallFailed e) {
            return Optional.of(e.getMessage());
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("isAvailable() threw " + LoadFailure.causeChain(e));
        }
    }

    /** All loaded plugins, sorted by name. */
    public List<LoadedPlugin> plugins() {
        return plugins.values().stream().sorted(Comparator.comparing(LoadedPlugin::name)).toList();
    }

    /** What could not be loaded. */
    public List<LoadFailure> failures() {
        return failures;
    }

    /** One plugin by name. */
    public Optional<LoadedPlugin> find(String name) {
        return Optional.ofNullable(plugins.get(name));
    }

    /**
     * The plugins named, in the order given (duplicates in {@code names} are used once).
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} for an unknown name, listing the plugins found
     *     (and the load failures, which often explain a missing plugin); {@link ErrorCode#PLUGIN} for
     *     a name two plugins claim
     */
    public List<LoadedPlugin> select(List<String> names) {
        List<LoadedPlugin> selected = new ArrayList<>();
        for (String name : names) {
            if (duplicates.containsKey(name)) {
                throw new ToolkitException(ErrorCode.PLUGIN, "Cannot use plugin '" + name + "': "
                        + duplicates.get(name) + ".");
            }
            LoadedPlugin plugin = plugins.get(name);
            if (plugin == null) {
                throw new ToolkitException(ErrorCode.USAGE, "Unknown plugin '" + name + "'. Plugins found: "
                        + (plugins.isEmpty() ? "none" : String.join(", ", plugins().stream().map(LoadedPlugin::name).toList()))
                        + (failures.isEmpty() ? "" : "; plugins that failed to load: " + failures.stream()
                                .map(LoadFailure::toString).collect(Collectors.joining("; ")))
                        + ". Put the plugin's jar in ./plugins, ~/.cdkj/plugins or CDKJ_PLUGIN_PATH, or fix the name.");
            }
            if (!selected.contains(plugin)) {
                selected.add(plugin);
            }
        }
        return List.copyOf(selected);
    }

    /** Closes every plugin (each guarded) and the plugin class loader. Idempotent enough: plugins must be. */
    @Override
    public void close() {
        plugins.values().forEach(p -> closeQuietly(p.source()));
        if (ownLoader != null) {
            try {
                ownLoader.close();
            } catch (IOException e) {
                LOG.debug("Closing the plugin class loader failed: {}", e.toString());
            }
        }
    }

    private static void closeQuietly(CredentialProviderSource source) {
        try {
            source.close();
        } catch (RuntimeException e) {
            LOG.warn("Plugin {} failed to close: {}", source, UntrustedText.excerpt(e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return "PluginRegistry" + plugins.keySet() + (failures.isEmpty() ? "" : " failures=" + failures.size());
    }
}
