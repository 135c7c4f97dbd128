package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential plugins of one invocation, found with {@link ServiceLoader} on a class loader made of
 * the plugin path plus the toolkit's own class path. Each provider is loaded under its own guard: a
 * class that fails to load or instantiate, a blank or invalid name, a duplicate name (both classes are
 * named and both rejected, since picking one would be arbitrary) become {@link LoadFailure}s, never a
 * crash. {@code isAvailable()} is called exactly once per plugin, here.
 *
 * <p>Thread-safe after construction (immutable state). Closing closes every plugin (each guarded) and
 * the plugin class loader.
 */
public final class PluginRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_ITERATOR_ERRORS = 100;

    private final Map<String, LoadedPlugin> plugins;
    private final List<LoadFailure> failures;
    private final Map<String, String> rejectedNames;
    private final URLClassLoader ownLoader;

    private PluginRegistry(Map<String, LoadedPlugin> plugins, List<LoadFailure> failures,
            Map<String, String> rejectedNames, URLClassLoader ownLoader) {
        this.plugins = plugins;
        this.failures = failures;
        this.rejectedNames = rejectedNames;
        this.ownLoader = ownLoader;
    }

    /** Loads the plugins of {@code pluginPath} (jars or directories of jars) and of {@code parent}'s class path. */
    public static PluginRegistry load(List<Path> pluginPath, ClassLoader parent) {
        PluginPath path = PluginPath.scan(pluginPath);
        URLClassLoader loader = new URLClassLoader("cdkj-plugins", path.urls(), parent);
        return load(loader, path, loader);
    }

    /** Loads the plugins visible to {@code loader} (for tests and embedding). */
    public static PluginRegistry load(ClassLoader loader) {
        return load(loader, PluginPath.scan(List.of()), null);
    }

    private static PluginRegistry load(ClassLoader loader, PluginPath path, URLClassLoader ownLoader) {
        List<LoadFailure> failures = new ArrayList<>(path.failures());
        Map<String, List<LoadedPlugin>> byName = new LinkedHashMap<>();
        Iterator<CredentialProviderSource> iterator = ServiceLoader.load(CredentialProviderSource.class, loader).iterator();
        int errors = 0;
        String lastError = null;
        while (errors < MAX_ITERATOR_ERRORS) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                CredentialProviderSource source = iterator.next();
                inspect(source, failures).ifPresent(plugin ->
                        byName.computeIfAbsent(plugin.name(), k -> new ArrayList<>()).add(plugin));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // The iterator recovers from most provider errors; stop if it keeps failing the same way.
                errors++;
                String error = causeChain(e);
                if (error.equals(lastError)) {
                    break;
                }
                lastError = error;
                failures.add(new LoadFailure(locateFailure(e, path), "failed to load plugin: " + error));
            }
        }
        Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        byName.forEach((name, found) -> {
            if (found.size() == 1) {
                plugins.put(name, found.get(0));
                return;
            }
            String message = "duplicate plugin name '" + name + "' used by " + found.stream()
                    .map(p -> p.className() + " (" + p.location() + ")").collect(Collectors.joining(" and "))
                    + "; remove one of them from the plugin path";
            rejected.put(name, message);
            failures.add(new LoadFailure(found.get(0).location(), message));
            found.forEach(p -> closeQuietly(p.source()));
        });
        plugins.values().forEach(p -> LOG.debug("Loaded plugin {} from {}", p.name(), p.location()));
        failures.forEach(f -> LOG.warn("Plugin load failure: {}", f));
        return new PluginRegistry(Map.copyOf(plugins), List.copyOf(failures), Map.copyOf(rejected), ownLoader);
    }

    private static Optional<LoadedPlugin> inspect(CredentialProviderSource source, List<LoadFailure> failures) {
        String className = source.getClass().getName();
        String location = locationOf(source.getClass());
        String name;
        try {
            name = source.name();
        } catch (RuntimeException e) {
            failures.add(new LoadFailure(location, className + ".name() threw " + causeChain(e)));
            closeQuietly(source);
            return Optional.empty();
        }
        if (name == null || name.isBlank() || !NAME.matcher(name).matches()) {
            failures.add(new LoadFailure(location, className + " has an invalid name "
                    + (name == null ? "null" : "'" + name + "'")
                    + " (a plugin name is lower-case letters, digits and dashes, and not blank)"));
            closeQuietly(source);
            return Optional.empty();
        }
        return Optional.of(new LoadedPlugin(name, source, location, availability(source)));
    }

    private static Optional<String> availability(CredentialProviderSource source) {
        try {
            if (source.isAvailable()) {
                return Optional.empty();
            }
            String reason = source.unavailableReason();
            return Optional.of(reason == null || reason.isBlank() ? "not available" : reason);
        } catch (RuntimeException e) {
            return Optional.of("isAvailable() threw " + causeChain(e));
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
            if (rejectedNames.containsKey(name)) {
                throw new ToolkitException(ErrorCode.PLUGIN, "Cannot use plugin '" + name + "': "
                        + rejectedNames.get(name) + ".");
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
            LOG.warn("Plugin {} failed to close: {}", source.getClass().getName(), e.toString());
        }
    }

    static String locationOf(Class<?> type) {
        try {
            var codeSource = type.getProtectionDomain().getCodeSource();
            if (codeSource != null && codeSource.getLocation() != null) {
                return Path.of(codeSource.getLocation().toURI()).toString();
            }
        } catch (Exception e) {
            // Fall through: the location only decorates messages.
        }
        return "class path";
    }

    private static String locateFailure(Throwable e, PluginPath path) {
        String text = causeChain(e);
        return path.declaredBy().entrySet().stream()
                .filter(entry -> text.contains(entry.getKey()))
                .map(entry -> entry.getValue().toString())
                .findFirst().orElse("class path");
    }

    static String causeChain(Throwable e) {
        StringBuilder text = new StringBuilder(PluginPath.describe(e));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(", caused by ").append(PluginPath.describe(cause));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "PluginRegistry" + plugins.keySet() + (failures.isEmpty() ? "" : " failures=" + failures.size());
    }
}
