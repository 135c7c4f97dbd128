package io.cdkj.toolkit.credentials;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.aws.Partitions;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The host's {@link EnvironmentCredentials}: ARCHITECTURE.md "Credential resolution in the host",
 * steps 1–7. Results are cached per (account, region, mode) and roles per (environment, mode, role);
 * concurrent requests for one key wait for a single resolution (one plugin {@code getProvider}, one
 * AssumeRole). Every provider it keeps is closed by {@link #close()}.
 *
 * <p>Setting the context key {@value #ALWAYS_USE_PLUGINS} to {@code true} makes it ask the plugins even
 * when the default identity already acts in the target account (e.g. to always deploy through a
 * dedicated role).
 *
 * <p>Thread-safe.
 */
public final class HostCredentials implements EnvironmentCredentials, AutoCloseable {

    /** Context key: ask plugins even for the default identity's own account. */
    public static final String ALWAYS_USE_PLUGINS = "cdkj:alwaysUsePlugins";

    private final DefaultIdentity defaultIdentity;
    private final Memo<List<LoadedPlugin>> plugins;
    private final Supplier<List<String>> foundPluginNames;
    private final Configuration configuration;
    private final PluginChain chain;
    private final RoleChaining roles;
    private final Map<Key, Memo<Resolution>> resolutions = new ConcurrentHashMap<>();
    private final Map<RoleKey, Memo<IdentityProvider<AwsCredentialsIdentity>>> assumed = new ConcurrentHashMap<>();
    private final List<Object> owned = new ArrayList<>();

    /**
     * @param selectedPlugins  the plugins to ask, in order; called once, when a plugin is first needed
     * @param foundPluginNames the names of all plugins found, offered in the hint when none was selected
     */
    public HostCredentials(DefaultIdentity defaultIdentity, Supplier<List<LoadedPlugin>> selectedPlugins,
            Supplier<List<String>> foundPluginNames, Configuration configuration, AwsClientFactory clients,
            Map<String, String> env) {
        this.defaultIdentity = defaultIdentity;
        this.plugins = new Memo<>(selectedPlugins);
        this.foundPluginNames = foundPluginNames;
        this.configuration = configuration;
        this.chain = new PluginChain(clients);
        this.roles = new RoleChaining(clients, env);
    }

    /** How credentials for the environment and mode are found (cached; at most one resolution per key). */
    public Resolution resolve(AwsEnvironment environment, Mode mode) {
        return resolutions.computeIfAbsent(new Key(environment, mode), key -> new Memo<>(() -> compute(key))).get();
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> forEnvironment(AwsEnvironment environment, Mode mode) {
        Resolution resolution = resolve(environment, mode);
        if (resolution instanceof Resolution.FromDefault fromDefault) {
            return fromDefault.provider();
        }
        if (resolution instanceof Resolution.FromPlugin fromPlugin) {
            return fromPlugin.provider();
        }
        throw new ToolkitException(ErrorCode.CREDENTIALS, ((Resolution.None) resolution).message());
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> assumeOnTop(AwsEnvironment environment, Mode mode, RoleToAssume role) {
        String roleArn = RoleChaining.substitute(role.roleArn(), environment.region());
        RoleKey key = new RoleKey(environment, mode, roleArn, role.externalId());
        return assumed.computeIfAbsent(key, k -> new Memo<>(() -> {
            IdentityProvider<AwsCredentialsIdentity> base = forEnvironment(environment, mode);
            return roles.assume(environment, mode, roleArn, role.externalId(), base, callerOf(resolve(environment, mode)),
                    this::own);
        })).get();
    }

    /** The role session name of the roles the host assumes on top ({@link #assumeOnTop}); makes no AWS call. */
    public String roleSessionName() {
        return roles.sessionName();
    }

    /** The host's own identity. */
    public DefaultIdentity defaultIdentity() {
        return defaultIdentity;
    }

    /** The plugins that would be asked, in order (selecting them on first use). */
    public List<LoadedPlugin> selectedPlugins() {
        return plugins.get();
    }

    /** The request the plugins are given for an environment and mode. */
    public CredentialRequest requestFor(AwsEnvironment environment, Mode mode, Optional<CallerIdentity> caller) {
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

    private Resolution compute(Key key) {
        Optional<CallerIdentity> caller = defaultIdentity.callerIdentity();
        if (caller.isPresent() && caller.get().account().equals(key.environment().account()) && !alwaysUsePlugins()) {
            return fromDefault(caller.get(), key.environment());
        }
        List<LoadedPlugin> selected = plugins.get();
        List<String> reasons = new ArrayList<>();
        CredentialRequest request = requestFor(key.environment(), key.mode(), caller);
        Optional<Resolution.FromPlugin> found = chain.ask(selected, request, reasons, this::own);
        if (found.isPresent()) {
            return found.get();
        }
        if (caller.isPresent() && caller.get().account().equals(key.environment().account())) {
            // Plugins were forced but none helped: the default identity is still right for this account.
            return fromDefault(caller.get(), key.environment());
        }
        return new Resolution.None(NoCredentialsMessage.of(key.environment().account(), caller, reasons,
                availableNames(selected)), reasons);
    }

    /**
     * The default identity for its own account, once its partition (from its ARN) is the target region's:
     * account ids are per partition, so {@code aws} credentials never act in an {@code aws-cn} region.
     */
    private Resolution fromDefault(CallerIdentity caller, AwsEnvironment environment) {
        String regionPartition = Partitions.ofRegion(environment.region());
        if (!caller.partition().equals(regionPartition)) {
            throw new ToolkitException(ErrorCode.CREDENTIALS, "The current credentials (" + caller.arn()
                    + ") are in partition '" + caller.partition() + "', but region " + environment.region() + " of "
                    + environment + " is in partition '" + regionPartition + "'. Use credentials of the '"
                    + regionPartition + "' partition (e.g. --profile NAME), or a region of partition '"
                    + caller.partition() + "'.");
        }
        return new Resolution.FromDefault(defaultIdentity.provider(), caller);
    }

    private List<String> availableNames(List<LoadedPlugin> selected) {
        return selected.isEmpty() ? foundPluginNames.get() : List.of();
    }

    private boolean alwaysUsePlugins() {
        return configuration.contextValue(ALWAYS_USE_PLUGINS).map(v -> "true".equals(String.valueOf(v))).orElse(false);
    }

    private static String callerOf(Resolution resolution) {
        if (resolution instanceof Resolution.FromDefault d) {
            return d.identity().arn();
        }
        if (resolution instanceof Resolution.FromPlugin p) {
            return p.verified().arn() + " (from plugin " + p.plugin() + ")";
        }
        return "(no credentials)";
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
            owned.forEach(provider -> Closeables.closeQuietly(provider));
            owned.clear();
        }
    }

    private record Key(AwsEnvironment environment, Mode mode) {
    }

    private record RoleKey(AwsEnvironment environment, Mode mode, String roleArn, Optional<String> externalId) {
    }
}
