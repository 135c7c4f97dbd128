package io.cdkj.toolkit.cli;

import io.cdkj.plugin.Configuration;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.config.ProjectConfiguration;
import io.cdkj.toolkit.credentials.DefaultIdentity;
import io.cdkj.toolkit.credentials.EnvironmentCredentials;
import io.cdkj.toolkit.credentials.HostCredentials;
import io.cdkj.toolkit.credentials.ProfileFiles;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import io.cdkj.toolkit.plugins.PluginRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@code cdkj} invocation shares between its parts: configuration, plugins, the default
 * identity, credentials per environment and SDK clients. Every part is created on first use (so
 * {@code cdkj --help} or a dry run touch neither plugins nor AWS) and closed, in reverse order of
 * creation, by {@link #close()}, which the CLI calls after the command, also on failure.
 *
 * <p>Thread-safe: the accessors may be called from parallel lookups and deployments.
 */
public final class ToolkitSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ToolkitSession.class);

    private final Io io;
    private final GlobalOptions options;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    private ProjectConfiguration configuration;
    private PluginRegistry plugins;
    private AwsClientFactory clients;
    private DefaultIdentity defaultIdentity;
    private HostCredentials credentials;
    private boolean closed;

    /** A session for {@code io} and {@code options}; nothing is loaded yet. */
    public ToolkitSession(Io io, GlobalOptions options) {
        this.io = io;
        this.options = options;
    }

    /** The invocation's I/O. */
    public Io io() {
        return io;
    }

    /** The global options. */
    public GlobalOptions options() {
        return options;
    }

    /** {@code cdk.json}, {@code cdk.context.json}, {@code ~/.cdk.json} and the command line, merged. */
    public synchronized ProjectConfiguration configuration() {
        ensureOpen();
        if (configuration == null) {
            configuration = ProjectConfiguration.load(io.workingDirectory(), io.homeDirectory(), io.environment(),
                    options.context(), options.plugins(), options.profile());
        }
        return configuration;
    }

    /** The plugin SPI's read-only view of the merged context and the environment. */
    public Configuration pluginConfiguration() {
        return configuration().pluginConfiguration();
    }

    /** Every plugin on the plugin path and the class path (loaded on first use). */
    public synchronized PluginRegistry plugins() {
        ensureOpen();
        if (plugins == null) {
            plugins = register(PluginRegistry.load(io.pluginPath(), ToolkitSession.class.getClassLoader()));
        }
        return plugins;
    }

    /** The plugins selected by {@code --plugin} or {@code cdk.json}, in order. */
    public List<LoadedPlugin> selectedPlugins() {
        return plugins().select(configuration().plugins());
    }

    /** SDK clients on one shared HTTP pool; closed with the session. */
    public synchronized AwsClientFactory clients() {
        ensureOpen();
        if (clients == null) {
            clients = register(new AwsClientFactory());
        }
        return clients;
    }

    /** The region used when a command has none: {@code AWS_REGION}, the profile's region, else us-east-1. */
    public String defaultRegion() {
        return defaultRegionChoice().region();
    }

    /** {@link #defaultRegion()} and where it came from. */
    public ProfileFiles.RegionChoice defaultRegionChoice() {
        return ProfileFiles.defaultRegion(io.environment(), io.homeDirectory(), configuration().profile());
    }

    /** The host's own identity: the SDK default chain or {@code --profile}. */
    public synchronized DefaultIdentity defaultIdentity() {
        ensureOpen();
        if (defaultIdentity == null) {
            ProjectConfiguration config = configuration();
            AwsClientFactory factory = clients();
            defaultIdentity = register(DefaultIdentity.create(config.profile(), io.environment(), io.homeDirectory(),
                    factory, defaultRegion()));
        }
        return defaultIdentity;
    }

    /** Credentials per stack environment (ARCHITECTURE.md steps 1–7); for synth, lookups and deploy. */
    public EnvironmentCredentials credentials() {
        return hostCredentials();
    }

    /** The same object as {@link #credentials()}, with the explanations {@code cdkj credentials} prints. */
    public synchronized HostCredentials hostCredentials() {
        ensureOpen();
        if (credentials == null) {
            DefaultIdentity identity = defaultIdentity();
            credentials = register(new HostCredentials(identity, this::selectedPlugins,
                    () -> plugins().plugins().stream().filter(LoadedPlugin::available).map(LoadedPlugin::name).toList(),
                    pluginConfiguration(),
                    clients(), io.environment()));
        }
        return credentials;
    }

    private <T extends AutoCloseable> T register(T resource) {
        toClose.push(resource);
        return resource;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
    }

    /** Closes everything created, newest first; each close is guarded so all run. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        while (!toClose.isEmpty()) {
            AutoCloseable resource = toClose.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
                if (first == null) {
                    first = new IllegalStateException("closing " + resource.getClass().getSimpleName() + " failed: " + e, e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
