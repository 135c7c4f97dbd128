package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Instantiates the {@link CredentialProviderSource}s a class loader declares, with {@link ServiceLoader},
 * each under its own guard: a provider class that is missing, fails to link or throws from its
 * constructor becomes a {@link LoadFailure} naming the jar that declared it and the cause, and the
 * others still load. Calls nothing on the plugins. Stateless.
 */
final class PluginLoader {

    private static final int MAX_ITERATOR_ERRORS = 100;

    /**
     * @param sources  the instances, in discovery order
     * @param failures what could not be loaded (the plugin path's own failures first)
     */
    record Loaded(List<CredentialProviderSource> sources, List<LoadFailure> failures) {
    }

    private PluginLoader() {
    }

    static Loaded load(ClassLoader loader, PluginPath path) {
        List<CredentialProviderSource> sources = new ArrayList<>();
        List<LoadFailure> failures = new ArrayList<>(path.failures());
        Iterator<CredentialProviderSource> iterator = ServiceLoader.load(CredentialProviderSource.class, loader).iterator();
        String lastError = null;
        for (int errors = 0; errors < MAX_ITERATOR_ERRORS; ) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                sources.add(iterator.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // The iterator recovers from most provider errors; stop if it keeps failing the same way.
                errors++;
                String error = LoadFailure.causeChain(e);
                if (error.equals(lastError)) {
                    break;
                }
                lastError = error;
                failures.add(new LoadFailure(declaringJar(error, path), "failed to load plugin: " + error));
            }
        }
        return new Loaded(List.copyOf(sources), List.copyOf(failures));
    }

    /** The jar whose service file lists the class the error names, else {@code class path}. */
    private static String declaringJar(String error, PluginPath path) {
        return path.declaredBy().entrySet().stream()
                .filter(entry -> error.contains(entry.getKey()))
                .map(entry -> entry.getValue().toString())
                .findFirst().orElse("class path");
    }
}
