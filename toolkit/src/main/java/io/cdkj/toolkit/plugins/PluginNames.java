package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names plugins are selected by, checked: each plugin's {@code name()} is asked once (guarded), must
 * be lower-case letters, digits and dashes, and must be used by one plugin only. A name two plugins
 * claim rejects both, naming both classes, since picking one would be arbitrary. Calls nothing else on
 * the plugins. Immutable.
 *
 * @param accepted   name → plugin, in the order given
 * @param duplicates name claimed by several plugins → the message naming them
 * @param failures   one per rejected plugin or duplicated name
 * @param rejected   the plugins not accepted, for their owner to close
 */
record PluginNames(Map<String, CredentialProviderSource> accepted, Map<String, String> duplicates,
        List<LoadFailure> failures, List<CredentialProviderSource> rejected) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    static PluginNames check(List<? extends CredentialProviderSource> sources) {
        Map<String, List<CredentialProviderSource>> byName = new LinkedHashMap<>();
        List<LoadFailure> failures = new ArrayList<>();
        List<CredentialProviderSource> rejected = new ArrayList<>();
        for (CredentialProviderSource source : sources) {
            nameOf(source, failures).ifPresentOrElse(
                    name -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(source),
                    () -> rejected.add(source));
        }
        Map<String, CredentialProviderSource> accepted = new LinkedHashMap<>();
        Map<String, String> duplicates = new LinkedHashMap<>();
        byName.forEach((name, claimants) -> {
            if (claimants.size() == 1) {
                accepted.put(name, claimants.get(0));
                return;
            }
            String message = "duplicate plugin name '" + name + "' used by " + claimants.stream()
                    .map(p -> classOf(p).getName() + " (" + locationOf(p) + ")").collect(Collectors.joining(" and "))
                    + "; remove one of them from the plugin path";
            duplicates.put(name, message);
            failures.add(new LoadFailure(locationOf(claimants.get(0)), message));
            rejected.addAll(claimants);
        });
        return new PluginNames(Collections.unmodifiableMap(accepted), Map.copyOf(duplicates), List.copyOf(failures),
                List.copyOf(rejected));
    }

    /** The plugin's name if it is usable; otherwise records why not. */
    private static Optional<String> nameOf(CredentialProviderSource source, List<LoadFailure> failures) {
        String className = classOf(source).getName();
        String name;
        try {
            name = source.name();
        } catch (PluginCallFailed e) {
            failures.add(new LoadFailure(locationOf(source), className + ": " + e.getMessage()));
            return Optional.empty();
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            failures.add(new LoadFailure(locationOf(source), className + ".name() threw " + LoadFailure.causeChain(e)));
            return Optional.empty();
        }
        if (name == null || !NAME.matcher(name).matches()) {
            failures.add(new LoadFailure(locationOf(source), className + " has an invalid name "
                    + (name == null ? "null" : "'" + name + "'")
                    + " (a plugin name is lower-case letters, digits and dashes, and not blank)"));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** The plugin's own class, also when the registry guards it. */
    static Class<?> classOf(CredentialProviderSource source) {
        return source instanceof GuardedSource guarded ? guarded.pluginClass() : source.getClass();
    }

    /** The jar or directory a plugin's class came from, or {@code class path}. */
    static String locationOf(CredentialProviderSource source) {
        try {
            var codeSource = classOf(source).getProtectionDomain().getCodeSource();
            if (codeSource != null && codeSource.getLocation() != null) {
                return Path.of(codeSource.getLocation().toURI()).toString();
            }
        } catch (Exception e) {
            // Fall through: the location only decorates messages.
        }
        return "class path";
    }
}
