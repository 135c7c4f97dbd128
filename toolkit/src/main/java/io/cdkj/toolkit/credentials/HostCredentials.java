package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.AwsTimeouts;
import io.cdkj.toolkit.aws.Partitions;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The host's {@link TargetCredentials} (docs/ARCHITECTURE.md, "Credential resolution"): base credentials
 * per (environment, mode) — the default identity in its own account, else the selected plugins in
 * order, verified, failing closed — and the target's role assumed on top ({@link RoleOnTop}: also with
 * the default identity of another account when no plugin helps, and with a fallback for refused lookup
 * roles). Base resolutions are cached
 * per (environment, mode) and roles per target; concurrent requests for one key wait for a single
 * resolution (one plugin {@code getProvider}, one AssumeRole). It also explains, as data, how it gets
 * or would get credentials. Every provider it keeps is closed by {@link #close()}.
 *
 * <p>Setting the context key {@value #ALWAYS_USE_PLUGINS} to {@code true} makes it ask the plugins even
 * when the default identity already acts in the target account (e.g. to always deploy through a
 * dedicated role).
 *
 * <p>Thread-safe.
 */
public final class HostCredentials implements TargetCredentials, AutoCloseable {

    /** Context key: ask plugins even for the default identity's own account. */
    public static final String ALWAYS_USE_PLUGINS = "cdkj:alwaysUsePlugins";

    private final DefaultIdentity defaultIdentity;
    private final Memo<List<LoadedPlugin>> plugins;
    private final Supplier<List<String>> foundPluginNames;
    private final Configuration configuration;
    private final PluginChain chain;
    private final RoleChaining roles;
    private final RoleOnTop onTop;
    private final Map<CredentialTarget, Memo<Resolution>> bases = new ConcurrentHashMap<>();
    private final Map<CredentialTarget, Memo<OnTop>> assumed = new ConcurrentHashMap<>();
    private final List<Object> owned = new ArrayList<>();
    private final PluginTrust trust;

    /**
     * @param selectedPlugins  the plugins to ask, in order; called once, when a plugin is first needed
     * @param foundPluginNames the names of all plugins found, offered in the hint when none was selected
     * @param warnings         where warnings for the user go (a refused lookup role, replaced by the base credentials)
     * @param trust            the command's trust in plugin credentials, shared by every host of the command
     */
    public HostCredentials(DefaultIdentity defaultIdentity, Supplier<List<LoadedPlugin>> selectedPlugins,
            Supplier<List<String>> foundPluginNames, Configuration configuration, AwsClientFactory clients,
            Map<String, String> env, Consumer<String> warnings, PluginTrust trust) {
        this(defaultIdentity, selectedPlugins, foundPluginNames, configuration, clients, env, warnings, trust,
                new StsPacing(AwsConcurrency.DEFAULT.stsRequestsPerSecond(), AwsTimeouts.DEFAULT.throttledWait()));
    }

    /**
     * @param pacing the pace of STS calls per (calling account, region), shared by every host of the
     *               command (the quota is the account's, whichever source calls)
     */
    public HostCredentials(DefaultIdentity defaultIdentity, Supplier<List<LoadedPlugin>> selectedPlugins,
            Supplier<List<String>> foundPluginNames, Configuration configuration, AwsClientFactory clients,
            Map<String, String> env, Consumer<String> warnings, PluginTrust trust, StsPacing pacing) {
        this.defaultIdentity = defaultIdentity;
        this.plugins = new Memo<>(selectedPlugins);
        this.foundPluginNames = foundPluginNames;
        this.configuration = configuration;
        this.trust = trust;
        this.chain = new PluginChain(clients, trust, pacing);
        this.roles = new RoleChaining(clients, pacing, env);
        this.onTop = new RoleOnTop(roles, defaultIdentity, warnings);
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forTarget(CredentialTarget target) {
        if (target.role().isEmpty()) {
            return resolve(target.environment(), target.mode()).provider();
        }
        return onTop(target).provider();
    }

    /** The target's role on top of its base credentials (see {@link RoleOnTop}); one outcome per target. */
    private OnTop onTop(CredentialTarget target) {
        return assumed.computeIfAbsent(target, t -> new Memo<>(
                () -> onTop.put(t, resolve(t.environment(), t.mode()), this::own))).get();
    }

    /** How the base credentials for the environment and mode are found (cached; one resolution per key). */
    public Resolution resolve(AwsEnvironment environment, Mode mode) {
        return bases.computeIfAbsent(CredentialTarget.of(environment, mode), key -> new Memo<>(() -> compute(key))).get();
    }

    /**
     * How the credentials for {@code target} are obtained, obtaining them (the role on top included) to
     * verify what is said.
     *
     * @throws ToolkitException as {@link #forTarget} does when there are none
     */
    public Explanation explain(CredentialTarget target) {
        Resolution base = resolve(target.environment(), target.mode());
        Optional<String> roleArn = target.role().map(role -> role.arnIn(target.environment()));
        if (roleArn.isEmpty()) {
            base.provider();
            return new Explanation(target, false, base.fromPlugin(), base.actingAs(), base.answers(), roleArn,
                    roles.sessionName(), base.actingAs().orElseThrow().account(), Optional.empty());
        }
        OnTop result = onTop(target);
        // the base of the standard cross-account path is the default identity, in its own account
        Optional<CallerIdentity> actingAs = base.actingAs().or(defaultIdentity::callerIdentity);
        if (result instanceof OnTop.BaseInstead instead) {
            return new Explanation(target, false, base.fromPlugin(), actingAs, base.answers(), roleArn,
                    roles.sessionName(), target.environment().account(), Optional.of(instead.reason()));
        }
        return new Explanation(target, false, base.fromPlugin(), actingAs, base.answers(), roleArn, roles.sessionName(),
                accountOf(roleArn.get()).orElse(target.environment().account()), Optional.empty());
    }

    /** What {@link #explain} would say, from the plugins' own descriptions: makes no AWS call. */
    public Explanation explainDryRun(CredentialTarget target) {
        CredentialRequest request = requestFor(target.environment(), target.mode(), Optional.empty());
        Optional<String> roleArn = target.role().map(role -> role.arnIn(target.environment()));
        String account = roleArn.flatMap(HostCredentials::accountOf).orElse(target.environment().account());
        return new Explanation(target, true, Optional.empty(), Optional.empty(), chain.dryRun(plugins.get(), request),
                roleArn, roles.sessionName(), account, Optional.empty());
    }

    /**
     * The first plugin credentials of this command that acted in the wrong account (after a refresh, say),
     * if any: the command must end with it, whatever the operation that noticed reported.
     */
    public Optional<WrongAccountException> pluginViolation() {
        return trust.violation();
    }

    /** The host's own identity. */
    public DefaultIdentity defaultIdentity() {
        return defaultIdentity;
    }

    /** The plugins that would be asked, in order (selecting them on first use). */
    public List<LoadedPlugin> selectedPlugins() {
        return plugins.get();
    }

    private CredentialRequest requestFor(AwsEnvironment environment, Mode mode, Optional<CallerIdentity> caller) {
        return CredentialRequest.builder()
                .account(environment.account())
                .region(environment.region())
                .partition(Partitions.ofRegion(environment.region()))
                .mode(mode)
                .configuration(configuration)
                .baseCredentials(defaultIdentity.provider())
                .callerArn(caller.map(CallerIdentity::arn).orElse(null))
                .build();
    }

    private Resolution compute(CredentialTarget key) {
        AwsEnvironment environment = key.environment();
        Optional<CallerIdentity> caller = defaultIdentity.callerIdentity();
        boolean ownAccount = caller.isPresent() && caller.get().account().equals(environment.account());
        if (ownAccount && !alwaysUsePlugins()) {
            return fromDefault(caller.get(), environment, List.of());
        }
        List<LoadedPlugin> selected = plugins.get();
        PluginChain.Outcome outcome = chain.ask(selected, requestFor(environment, key.mode(), caller), this::own);
        if (outcome.found().isPresent()) {
            return outcome.found().get();
        }
        if (ownAccount) {
            // Plugins were forced but none helped: the default identity is still right for this account.
            return fromDefault(caller.get(), environment, outcome.answers());
        }
        return new Resolution.None(environment.account(), caller, outcome.answers(),
                selected.isEmpty() ? foundPluginNames.get() : List.of());
    }

    /**
     * The default identity for its own account, once its partition (from its ARN) is the target region's:
     * account ids are per partition, so {@code aws} credentials never act in an {@code aws-cn} region.
     */
    private Resolution fromDefault(CallerIdentity caller, AwsEnvironment environment, List<PluginAnswer> answers) {
        String regionPartition = Partitions.ofRegion(environment.region());
        if (!caller.partition().equals(regionPartition)) {
            throw new ToolkitException(ErrorCode.CREDENTIALS, "The current credentials (" + caller.arn()
                    + ") are in partition '" + caller.partition() + "', but region " + environment.region() + " of "
                    + environment + " is in partition '" + regionPartition + "'. Use credentials of the '"
                    + regionPartition + "' partition (e.g. --profile NAME), or a region of partition '"
                    + caller.partition() + "'.");
        }
        return new Resolution.FromDefault(defaultIdentity.provider(), caller, answers);
    }

    private boolean alwaysUsePlugins() {
        return configuration.contextValue(ALWAYS_USE_PLUGINS).map(v -> "true".equals(String.valueOf(v))).orElse(false);
    }

    /** The account field of a role ARN, when it is one. */
    private static Optional<String> accountOf(String roleArn) {
        try {
            return Arn.fromString(roleArn).accountId().filter(account -> account.matches("\\d{12}"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void own(Object provider) {
        synchronized (owned) {
            owned.add(provider);
        }
    }

    /** Closes every provider obtained from plugins and every assumed-role provider. */
    @Override
    public void close() {
        synchronized (owned) {
            owned.forEach(Closeables::closeQuietly);
            owned.clear();
        }
    }
}
