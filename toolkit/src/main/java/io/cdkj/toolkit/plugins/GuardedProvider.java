package io.cdkj.toolkit.plugins;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * A plugin's credentials provider as the host uses it: each resolution — the SDK asks before every
 * request — runs through the {@link PluginGuard}, so a provider that blocks or throws an {@link Error}
 * fails that AWS call as the plugin's failure instead of hanging or crashing the host; closing it is
 * bounded too.
 *
 * <p>Thread-safe as far as the plugin's provider is (the SPI requires it).
 */
final class GuardedProvider implements IdentityProvider<AwsCredentialsIdentity>, AutoCloseable {

    private final IdentityProvider<AwsCredentialsIdentity> provider;
    private final String plugin;
    private final PluginGuard guard;

    GuardedProvider(IdentityProvider<AwsCredentialsIdentity> provider, String plugin, PluginGuard guard) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.plugin = plugin;
        this.guard = guard;
    }

    @Override
    public Class<AwsCredentialsIdentity> identityType() {
        return AwsCredentialsIdentity.class;
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        // The plugin may do its work in resolveIdentity or in the future it returns: wait for both here.
        return CompletableFuture.completedFuture(guard.call(plugin, "its provider's resolveIdentity", () -> {
            try {
                return provider.resolveIdentity(request).join();
            } catch (CompletionException e) {
                throw unwrapped(e);
            }
        }));
    }

    /** What the provider's future failed with, so the guard judges the plugin's own exception or error. */
    private static Exception unwrapped(CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : e;
    }

    @Override
    public void close() {
        if (provider instanceof AutoCloseable closeable) {
            guard.call(plugin, "its provider's close", () -> {
                closeable.close();
                return null;
            });
        }
    }

    @Override
    public String toString() {
        return "GuardedProvider[" + plugin + "]";
    }
}
