package io.cdkj.toolkit.plugins;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Instantiates the {@link CredentialProviderSource}s a class loader declares, with {@link ServiceLoader},
 * each under its own guard: a provider class that is missing, fails to link, or whose constructor throws
 * (an {@link Error} included) or does not return within the {@link PluginGuard}'s deadline becomes a
 * {@link LoadFailure} naming the jar that declared it and the cause, and the others still load. The
 * constructors run in parallel, so one that blocks costs at most the deadline, not one each. Every
 * instance is returned wrapped in a {@link GuardedSource}. Calls nothing on the plugins. Stateless.
 */
final class PluginLoader {

    private static final int MAX_ITERATOR_ERRORS = 100;

    /**
     * @param sources  the instances, guarded, in discovery order
     * @param failures what could not be loaded (the plugin path's own failures first)
     */
    record Loaded(List<CredentialProviderSource> sources, List<LoadFailure> failures) {
    }

    /** A declared provider class being instantiated. */
    private record Pending(String className, PluginGuard.Running<CredentialProviderSource> instance) {
    }

    private PluginLoader() {
    }

    static Loaded load(ClassLoader loader, PluginPath path, PluginGuard guard) {
        List<LoadFailure> failures = new ArrayList<>(path.failures());
        List<Pending> pending = new ArrayList<>();
        Iterator<ServiceLoader.Provider<CredentialProviderSource>> providers =
                ServiceLoader.load(CredentialProviderSource.class, loader).stream().iterator();
        String lastError = null;
        for (int errors = 0; errors < MAX_ITERATOR_ERRORS; ) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                ServiceLoader.Provider<CredentialProviderSource> provider = providers.next();
                String className = provider.type().getName();
                pending.add(new Pending(className, guard.start(className, "its constructor", provider::get)));
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
        List<CredentialProviderSource> sources = new ArrayList<>();
        for (Pending each : pending) {
            try {
                sources.add(new GuardedSource(each.instance().result(), guard));
            } catch (PluginCallFailed e) {
                // ServiceLoader reports a throwing constructor as a ServiceConfigurationError with the cause.
                String error = e.getCause() instanceof ServiceConfigurationError thrown ? LoadFailure.causeChain(thrown)
                        : each.className() + ": " + e.getMessage();
                failures.add(new LoadFailure(declaringJar(each.className(), path), "failed to load plugin: " + error));
            } catch (ToolkitException e) {
                throw e;
            } catch (RuntimeException e) {
                failures.add(new LoadFailure(declaringJar(each.className(), path), "failed to load plugin: "
                        + LoadFailure.causeChain(e)));
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
