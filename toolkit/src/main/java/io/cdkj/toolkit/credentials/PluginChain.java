package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Asks the selected plugins, in order, for credentials for one request (ARCHITECTURE.md steps 3–4).
 * Every plugin call is guarded: a {@link RuntimeException} becomes the recorded reason
 * {@code name (message)}; {@link Error}s propagate. A provider is verified with one STS
 * GetCallerIdentity in the target region before it is used; credentials for another account are a
 * hard error naming the plugin.
 *
 * <p>Thread-safe (stateless apart from the thread-safe client factory).
 */
final class PluginChain {

    private static final Logger LOG = LoggerFactory.getLogger(PluginChain.class);

    private final AwsClientFactory clients;

    PluginChain(AwsClientFactory clients) {
        this.clients = clients;
    }

    /**
     * The first plugin's verified credentials, or empty with one reason per plugin added to {@code reasons}.
     *
     * @param owned receives every provider kept, for closing at the end of the command
     * @throws ToolkitException {@link ErrorCode#PLUGIN} when a plugin's credentials act in another account
     */
    Optional<Resolution.FromPlugin> ask(List<LoadedPlugin> plugins, CredentialRequest request, List<String> reasons,
            Consumer<Object> owned) {
        for (LoadedPlugin plugin : plugins) {
            Optional<Resolution.FromPlugin> found = askOne(plugin, request, reasons, owned);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Resolution.FromPlugin> askOne(LoadedPlugin plugin, CredentialRequest request, List<String> reasons,
            Consumer<Object> owned) {
        String name = plugin.name();
        if (!plugin.available()) {
            reasons.add(name + " (" + plugin.unavailableReason().orElseThrow() + ")");
            return Optional.empty();
        }
        CredentialProviderSource source = plugin.source();
        IdentityProvider<AwsCredentialsIdentity> provider;
        try {
            Decision decision = source.canProvideCredentials(request);
            if (decision == null) {
                reasons.add(name + " (broke its contract: canProvideCredentials returned null)");
                return Optional.empty();
            }
            if (!decision.canProvide()) {
                LOG.info("Plugin {} declined account {} ({}): {}", name, request.account(), request.mode().cliName(),
                        decision.reason());
                reasons.add(name + " (" + decision.reason() + ")");
                return Optional.empty();
            }
            provider = source.getProvider(request);
        } catch (RuntimeException e) {
            LOG.debug("Plugin {} failed for account {}", name, request.account(), e);
            reasons.add(name + " (" + messageOf(e) + ")");
            return Optional.empty();
        }
        if (provider == null) {
            reasons.add(name + " (broke its contract: getProvider returned null)");
            return Optional.empty();
        }
        CallerIdentity verified;
        try {
            verified = identify(provider, request.region());
        } catch (RuntimeException e) {
            Closeables.closeQuietly(provider);
            LOG.debug("Credentials of plugin {} did not resolve", name, e);
            reasons.add(name + " (its credentials could not be used: " + AwsErrors.describe(e) + ")");
            return Optional.empty();
        }
        if (!verified.account().equals(request.account())) {
            Closeables.closeQuietly(provider);
            throw new ToolkitException(ErrorCode.PLUGIN, "Plugin '" + name + "' returned credentials for account "
                    + verified.account() + " (" + verified.arn() + "), but they were requested for account "
                    + request.account() + " (" + request.mode().cliName() + "). Refusing to use them; fix the plugin's"
                    + " configuration for account " + request.account() + " or remove it from --plugin.");
        }
        owned.accept(provider);
        LOG.info("Plugin {} gives {} credentials for account {} as {}", name, request.mode().cliName(),
                request.account(), verified.arn());
        return Optional.of(new Resolution.FromPlugin(name, provider, verified, reasons));
    }

    /** One STS GetCallerIdentity with {@code provider}, in {@code region}. */
    CallerIdentity identify(IdentityProvider<AwsCredentialsIdentity> provider, String region) {
        GetCallerIdentityResponse response = clients.create(StsClient.builder(), provider, region).getCallerIdentity();
        return new CallerIdentity(response.account(), response.arn());
    }

    private static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }
}
