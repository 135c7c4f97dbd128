package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Asks the selected plugins, in order, for credentials for one request, recording each plugin's
 * {@link PluginAnswer}. Every plugin call is guarded (the registry runs each through its
 * {@link io.cdkj.toolkit.plugins.PluginGuard}: a deadline, and {@link Error}s made exceptions): whatever
 * a plugin throws becomes its {@link PluginAnswer.Failed}. A provider is wrapped in an
 * {@link AccountCheckedProvider}, which verifies the first credentials before they are used and every
 * new key afterwards (one STS GetCallerIdentity each, in the target region); credentials for another
 * account are a hard error naming the plugin. A dry run asks the same questions but calls
 * {@code describe} instead of {@code getProvider}, so it makes no AWS call.
 *
 * <p>Thread-safe (stateless apart from the thread-safe client factory).
 */
final class PluginChain {

    private static final Logger LOG = LoggerFactory.getLogger(PluginChain.class);

    private final AwsClientFactory clients;
    private final PluginTrust trust;
    private final StsPacing pacing;

    PluginChain(AwsClientFactory clients, PluginTrust trust, StsPacing pacing) {
        this.clients = clients;
        this.trust = trust;
        this.pacing = pacing;
    }

    /**
     * What asking the plugins gave.
     *
     * @param found   the first plugin's verified credentials, if any
     * @param answers every plugin's answer, in order (the winner's last)
     */
    record Outcome(Optional<Resolution.FromPlugin> found, List<PluginAnswer> answers) {
    }

    /**
     * @param owned receives every provider kept, for closing at the end of the command
     * @throws ToolkitException {@link ErrorCode#PLUGIN} when a plugin's credentials act in another account
     */
    Outcome ask(List<LoadedPlugin> plugins, CredentialRequest request, Consumer<Object> owned) {
        List<PluginAnswer> answers = new ArrayList<>();
        for (LoadedPlugin plugin : plugins) {
            Optional<PluginAnswer> refusal = decide(plugin, request);
            if (refusal.isPresent()) {
                answers.add(refusal.get());
                continue;
            }
            Optional<IdentityProvider<AwsCredentialsIdentity>> provider = obtain(plugin, request, answers, pacing);
            if (provider.isEmpty()) {
                continue;
            }
            AccountCheckedProvider checked = new AccountCheckedProvider(provider.get(), plugin.name(), request.account(),
                    request.mode(), identity -> identify(new FixedIdentity(identity), request.account(), request.region()), trust);
            Optional<CallerIdentity> verified = verify(plugin.name(), checked, request, answers);
            if (verified.isPresent()) {
                owned.accept(checked);
                answers.add(new PluginAnswer.Provided(plugin.name(), verified.get()));
                return new Outcome(Optional.of(new Resolution.FromPlugin(plugin.name(), checked,
                        verified.get(), answers)), answers);
            }
        }
        return new Outcome(Optional.empty(), answers);
    }

    /** What each plugin would answer, asking {@code describe} instead of {@code getProvider}: no AWS call. */
    List<PluginAnswer> dryRun(List<LoadedPlugin> plugins, CredentialRequest request) {
        List<PluginAnswer> answers = new ArrayList<>();
        for (LoadedPlugin plugin : plugins) {
            answers.add(decide(plugin, request).orElseGet(() -> describe(plugin, request)));
        }
        return answers;
    }

    /** Why the plugin cannot be asked for credentials; empty when {@code canProvideCredentials} said yes. */
    private static Optional<PluginAnswer> decide(LoadedPlugin plugin, CredentialRequest request) {
        String name = plugin.name();
        if (!plugin.available()) {
            return Optional.of(new PluginAnswer.Unavailable(name, plugin.unavailableReason().orElseThrow()));
        }
        try {
            Decision decision = plugin.source().canProvideCredentials(request);
            if (decision == null) {
                return Optional.of(new PluginAnswer.Failed(name, "broke its contract: canProvideCredentials returned null"));
            }
            if (!decision.canProvide()) {
                LOG.info("Plugin {} declined account {} ({}): {}", name, request.account(), request.mode().cliName(),
                        decision.reason());
                return Optional.of(new PluginAnswer.Declined(name, decision.reason()));
            }
            return Optional.empty();
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Plugin {} failed for account {}", name, request.account(), e);
            return Optional.of(new PluginAnswer.Failed(name, messageOf(e)));
        }
    }

    private static PluginAnswer describe(LoadedPlugin plugin, CredentialRequest request) {
        try {
            Optional<String> description = plugin.source().describe(request);
            return new PluginAnswer.WouldProvide(plugin.name(), description == null ? Optional.empty() : description);
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Plugin {} failed to describe account {}", plugin.name(), request.account(), e);
            return new PluginAnswer.Failed(plugin.name(), messageOf(e));
        }
    }

    /**
     * The plugin's provider. Its {@code getProvider} typically makes an STS call signed by the host's own
     * identity, in a region of the plugin's choosing: paced per caller account, retried when throttled.
     */
    private static Optional<IdentityProvider<AwsCredentialsIdentity>> obtain(LoadedPlugin plugin,
            CredentialRequest request, List<PluginAnswer> answers, StsPacing pacing) {
        CredentialProviderSource source = plugin.source();
        try {
            Optional<String> caller = request.callerArn().flatMap(PluginChain::accountOf);
            IdentityProvider<AwsCredentialsIdentity> provider = pacing.call(caller, StsPacing.ANY_REGION,
                    () -> source.getProvider(request));
            if (provider == null) {
                answers.add(new PluginAnswer.Failed(plugin.name(), "broke its contract: getProvider returned null"));
            }
            return Optional.ofNullable(provider);
        } catch (ToolkitException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("Plugin {} failed for account {}", plugin.name(), request.account(), e);
            answers.add(new PluginAnswer.Failed(plugin.name(), messageOf(e)));
            return Optional.empty();
        }
    }

    /**
     * The provider's identity when it acts in the requested account; its failure recorded otherwise. The
     * provider keeps verifying every new key it hands out later ({@link AccountCheckedProvider}).
     *
     * @throws WrongAccountException when its credentials act in another account
     */
    private Optional<CallerIdentity> verify(String name, AccountCheckedProvider provider, CredentialRequest request,
            List<PluginAnswer> answers) {
        CallerIdentity verified;
        try {
            verified = provider.verifyNow();
        } catch (PluginProviderException e) {
            Closeables.closeQuietly(provider);
            LOG.debug("Credentials of plugin {} did not resolve", name, e);
            answers.add(new PluginAnswer.Failed(name, "its credentials could not be used: "
                    + AwsErrors.describe(e.getCause())));
            return Optional.empty();
        } catch (ToolkitException e) {
            // a WrongAccountException (the hard plugin error) or an interruption
            Closeables.closeQuietly(provider);
            throw e;
        } catch (RuntimeException e) {
            Closeables.closeQuietly(provider);
            LOG.debug("Credentials of plugin {} did not resolve", name, e);
            answers.add(new PluginAnswer.Failed(name, "its credentials could not be used: " + AwsErrors.describe(e)));
            return Optional.empty();
        }
        LOG.info("Plugin {} gives {} credentials for account {} as {}", name, request.mode().cliName(),
                request.account(), verified.arn());
        return Optional.of(verified);
    }

    /** One STS GetCallerIdentity with {@code provider} (meant to act in {@code account}), in {@code region}. */
    CallerIdentity identify(IdentityProvider<AwsCredentialsIdentity> provider, String account, String region) {
        GetCallerIdentityResponse response = pacing.call(Optional.of(account), region,
                () -> clients.create(StsClient.builder(), provider, region).getCallerIdentity());
        return new CallerIdentity(response.account(), response.arn());
    }

    private static Optional<String> accountOf(String arn) {
        try {
            return Arn.fromString(arn).accountId();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }
}
