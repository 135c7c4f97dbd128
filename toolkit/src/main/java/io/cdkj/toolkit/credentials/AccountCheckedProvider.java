package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.Secrets;
import io.cdkj.toolkit.ToolkitException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * A plugin's provider as the host hands it out: every credential identity it returns is verified
 * before use, not only the first. Each new access key id is identified once (one STS
 * GetCallerIdentity per distinct key, cached), so a provider that refreshes to credentials of another
 * account — a misconfigured or hostile plugin — is refused at the moment it happens: the resolution
 * fails with a {@link WrongAccountException} naming the plugin, the accounts and the mode, and the
 * {@link PluginTrust} of the command is tripped, so the command ends with the plugin error whatever
 * it was doing. A provider that fails to resolve is the plugin's failure too
 * ({@link PluginProviderException}). The secrets it sees are remembered for redaction
 * ({@link Secrets}).
 *
 * <p>Thread-safe: the SDK resolves concurrently; concurrent resolutions of one new key wait for one
 * identification.
 */
final class AccountCheckedProvider implements IdentityProvider<AwsCredentialsIdentity>, AutoCloseable {

    private final IdentityProvider<AwsCredentialsIdentity> plugin;
    private final String pluginName;
    private final String account;
    private final Mode mode;
    private final Function<AwsCredentialsIdentity, CallerIdentity> identify;
    private final PluginTrust trust;
    private final Map<String, CallerIdentity> identified = new ConcurrentHashMap<>();

    /**
     * @param plugin     the plugin's (guarded) provider
     * @param account    the account its credentials must act in
     * @param identify   one STS GetCallerIdentity with the given credentials
     * @param trust      tripped on a mismatch
     */
    AccountCheckedProvider(IdentityProvider<AwsCredentialsIdentity> plugin, String pluginName, String account, Mode mode,
            Function<AwsCredentialsIdentity, CallerIdentity> identify, PluginTrust trust) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.pluginName = Objects.requireNonNull(pluginName, "pluginName");
        this.account = Objects.requireNonNull(account, "account");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.identify = Objects.requireNonNull(identify, "identify");
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    @Override
    public Class<AwsCredentialsIdentity> identityType() {
        return AwsCredentialsIdentity.class;
    }

    @Override
    public CompletableFuture<AwsCredentialsIdentity> resolveIdentity(ResolveIdentityRequest request) {
        try {
            AwsCredentialsIdentity identity = resolved(request);
            check(identity);
            return CompletableFuture.completedFuture(identity);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Resolves once and verifies, for the first use of the provider.
     *
     * @return who the credentials act as (in {@code account})
     * @throws WrongAccountException when they act in another account
     */
    CallerIdentity verifyNow() {
        return check(resolved(ResolveIdentityRequest.builder().build()));
    }

    private AwsCredentialsIdentity resolved(ResolveIdentityRequest request) {
        trust.throwIfTripped();
        AwsCredentialsIdentity identity;
        try {
            identity = plugin.resolveIdentity(request).join();
        } catch (CompletionException e) {
            throw failed(e.getCause() instanceof RuntimeException cause ? cause : e);
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        }
        if (identity == null) {
            throw failed(new IllegalStateException("its provider returned no credentials"));
        }
        return identity;
    }

    private RuntimeException failed(RuntimeException cause) {
        return cause instanceof ToolkitException toolkit ? toolkit : new PluginProviderException(pluginName, account, mode, cause);
    }

    private CallerIdentity check(AwsCredentialsIdentity identity) {
        Secrets.remember(identity.secretAccessKey());
        if (identity instanceof AwsSessionCredentialsIdentity session) {
            Secrets.remember(session.sessionToken());
        }
        if (identity.accessKeyId() == null || identity.accessKeyId().isBlank()) {
            throw failed(new IllegalStateException("its provider returned credentials without an access key id"));
        }
        CallerIdentity caller = identified.computeIfAbsent(identity.accessKeyId(), key -> identify.apply(identity));
        if (!caller.account().equals(account)) {
            throw trust.trip(new WrongAccountException(pluginName, caller, account, mode));
        }
        return caller;
    }

    @Override
    public void close() {
        Closeables.closeQuietly(plugin);
    }

    /** Names the plugin and the account only: the provider's own {@code toString} is outside our control. */
    @Override
    public String toString() {
        return "AccountCheckedProvider[" + pluginName + " for " + account + " (" + mode.cliName() + ")]";
    }
}
