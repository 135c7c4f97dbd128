package io.cdkj.toolkit.api;

import io.cdkj.toolkit.Secrets;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.app.BuildCommand;
import io.cdkj.toolkit.app.ColdAppRunner;
import io.cdkj.toolkit.app.warm.AppRunners;
import io.cdkj.toolkit.app.warm.JavaLaunch;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsConcurrency;
import io.cdkj.toolkit.aws.AwsTimeouts;
import io.cdkj.toolkit.bootstrap.Bootstrapper;
import io.cdkj.toolkit.config.ProjectConfiguration;
import io.cdkj.toolkit.config.Settings;
import io.cdkj.toolkit.credentials.DefaultAccount;
import io.cdkj.toolkit.credentials.DefaultIdentity;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.credentials.HostCredentials;
import io.cdkj.toolkit.credentials.PluginTrust;
import io.cdkj.toolkit.credentials.StsPacing;
import io.cdkj.toolkit.credentials.SourcedCredentials;
import io.cdkj.toolkit.credentials.ProfileFiles;
import io.cdkj.toolkit.deploy.DeployEngine;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import io.cdkj.toolkit.deploy.Sleeper;
import io.cdkj.toolkit.deploy.StackDiffer;
import io.cdkj.toolkit.lookups.ContextLookups;
import io.cdkj.toolkit.lookups.LookupProviders;
import io.cdkj.toolkit.lookups.SdkWarmUp;
import io.cdkj.toolkit.plugins.LoadedPlugin;
import io.cdkj.toolkit.plugins.PluginGuard;
import io.cdkj.toolkit.plugins.PluginRegistry;
import io.cdkj.toolkit.synth.AppSettings;
import io.cdkj.toolkit.synth.SynthResult;
import io.cdkj.toolkit.synth.SynthSettings;
import io.cdkj.toolkit.synth.Synthesis;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one toolkit invocation: builds the configuration, the plugin registry, the
 * default identity, the host credentials, the SDK clients, the synthesis, the deploy engine and the bootstrapper from
 * typed options, for the CLI and for any other program (a Maven plugin, a test) — no picocli here.
 * Every part is created on first use (so {@code cdkj --help} or a dry run touch neither plugins nor AWS)
 * and closed, in reverse order of creation, by {@link #close()}.
 *
 * <p>Thread-safe: the accessors may be called from parallel lookups and deployments.
 */
public final class Toolkit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Toolkit.class);

    private final Io io;
    private final ToolkitOptions options;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    /** One for the command, shared by the host of every credential source. */
    private final PluginTrust trust = new PluginTrust();
    private StsPacing stsPacing;

    private ProjectConfiguration configuration;
    private PluginRegistry plugins;
    private AwsConcurrency concurrency;
    private AwsClientFactory clients;
    private SourcedCredentials credentials;
    private CredentialOverrides overrides;
    private final Map<Optional<String>, DefaultIdentity> identities = new HashMap<>();
    private Settings settings;
    private DefaultAccount defaultAccount;
    private boolean closed;

    /** A toolkit for {@code io} and {@code options}; nothing is loaded yet. */
    public Toolkit(Io io, ToolkitOptions options) {
        this.io = io;
        this.options = options;
        // Secrets the environment gives the SDK: no message may show them, even if the SDK never resolves them.
        Secrets.remember(io.environment().get("AWS_SECRET_ACCESS_KEY"));
        Secrets.remember(io.environment().get("AWS_SESSION_TOKEN"));
    }

    /** The invocation's I/O. */
    public Io io() {
        return io;
    }

    /** The options. */
    public ToolkitOptions options() {
        return options;
    }

    /** {@code cdk.json}, {@code cdk.context.json}, {@code ~/.cdk.json} and the options, merged. */
    public synchronized ProjectConfiguration configuration() {
        ensureOpen();
        if (configuration == null) {
            configuration = ProjectConfiguration.load(io.workingDirectory(), io.homeDirectory(), io.environment(),
                    options.context(), options.plugins(), options.profile());
        }
        return configuration;
    }

    /** Every plugin on the plugin path and the class path (loaded on first use). */
    public synchronized PluginRegistry plugins() {
        ensureOpen();
        if (plugins == null) {
            plugins = register(PluginRegistry.load(io.pluginPath(), Toolkit.class.getClassLoader(),
                    PluginGuard.fromEnvironment(io.environment())));
        }
        return plugins;
    }

    /** How far AWS work fans out: {@code cdkj:maxParallelEnvironments}, {@code cdkj:stsRequestsPerSecond}. */
    public synchronized AwsConcurrency concurrency() {
        if (concurrency == null) {
            Map<String, Object> context = configuration().context();
            concurrency = AwsConcurrency.from(key -> Optional.ofNullable(context.get(key)));
        }
        return concurrency;
    }

    /** SDK clients, one per (service, credentials, region), on one shared HTTP pool; closed with the toolkit. */
    public synchronized AwsClientFactory clients() {
        ensureOpen();
        if (clients == null) {
            clients = register(new AwsClientFactory(timeouts(), concurrency().maxConnections()));
        }
        return clients;
    }

    /**
     * The Node CLI settings in force: the command line's over {@code cdk.json}'s over {@code ~/.cdk.json}'s.
     * With {@code --verbose}, says once which of them cdkj ignores.
     */
    public synchronized Settings settings() {
        if (settings == null) {
            settings = options.settings().over(configuration().settings());
            List<String> unused = new ArrayList<>(settings.ignored());
            if (options.verbose() && !unused.isEmpty()) {
                io.err().println("Ignoring Node CDK CLI settings cdkj has no use for: " + String.join(", ", unused));
            }
        }
        return settings;
    }

    /**
     * The region used when a command has none: {@code --region}, {@code "region"} of cdk.json,
     * {@code AWS_REGION}, the profile's region, else us-east-1.
     */
    public ProfileFiles.RegionChoice defaultRegion() {
        if (options.settings().region().isPresent()) {
            return new ProfileFiles.RegionChoice(options.settings().region().get(), "--region", true);
        }
        if (configuration().settings().region().isPresent()) {
            return new ProfileFiles.RegionChoice(configuration().settings().region().get(), "\"region\" in cdk.json", true);
        }
        return ProfileFiles.defaultRegion(io.environment(), io.homeDirectory(), configuration().profile());
    }

    /**
     * How a command synthesizes: the app and output directory of the options, lookups as the settings
     * say, and the Node CLI's context for the app from the settings.
     *
     * @param warm           false for {@code --no-warm}
     * @param bundlingStacks the stacks whose assets the app bundles ({@code **} for synth, diff and deploy)
     * @param validation     false for {@code synth --no-validation}
     */
    public SynthSettings synthSettings(boolean warm, List<String> bundlingStacks, boolean validation) {
        Settings in = settings();
        AppSettings app = new AppSettings(in.pathMetadata().orElse(true), in.assetMetadata().orElse(true),
                in.versionReporting().orElse(true), in.staging().orElse(true), bundlingStacks, options.debug(),
                validation, AppSettings.DEFAULTS.cliVersion());
        return new SynthSettings(options.app(), options.output(), in.lookups().orElse(true), warm, app);
    }

    /**
     * Credentials for every target: per credential source (the toolkit-wide one, or a stack's from
     * {@code cdkj:credentials}), the default identity and the selected plugins; roles on top.
     */
    public synchronized SourcedCredentials credentials() {
        ensureOpen();
        if (credentials == null) {
            credentials = register(new SourcedCredentials(this::hostCredentials));
        }
        return credentials;
    }

    /**
     * The first plugin credentials of this command that acted in the wrong account, if any (see
     * {@link PluginTrust}), whichever credential source handed them out; the command must end with it.
     */
    public Optional<ToolkitException> pluginViolation() {
        return trust.violation().map(e -> e);
    }

    /** The app's per-stack credential settings ({@code cdkj:credentials}), validated. */
    public synchronized CredentialOverrides credentialOverrides() {
        ensureOpen();
        if (overrides == null) {
            overrides = CredentialOverrides.parse(configuration().pluginConfiguration()
                    .contextValue(CredentialOverrides.KEY));
        }
        return overrides;
    }

    /**
     * The host of one source: its profile over the toolkit's, its plugins instead of the toolkit's.
     * Sources with the same profile share one default identity (one GetCallerIdentity).
     */
    private synchronized HostCredentials hostCredentials(CredentialSource source) {
        ProjectConfiguration config = configuration();
        Optional<String> profile = source.profile().or(config::profile);
        DefaultIdentity identity = identities.get(profile);
        if (identity == null) {
            identity = register(DefaultIdentity.create(profile, io.environment(), io.homeDirectory(), clients(),
                    defaultRegion().region()));
            identities.put(profile, identity);
        }
        List<String> selected = source.plugins().orElse(config.plugins());
        return new HostCredentials(identity, () -> plugins().select(selected),
                () -> plugins().plugins().stream().filter(LoadedPlugin::available).map(LoadedPlugin::name).toList(),
                config.pluginConfiguration(), clients(), io.environment(), this::warn, trust, stsPacing());
    }

    /** One pace of STS calls for the whole command: every credential source's calls count against the same quotas. */
    private synchronized StsPacing stsPacing() {
        if (stsPacing == null) {
            stsPacing = new StsPacing(concurrency().stsRequestsPerSecond(), timeouts().throttledWait());
        }
        return stsPacing;
    }

    /**
     * Runs the {@code build} command if there is one, then the app (with lookups, as {@code settings}
     * allow), and reads its cloud assembly; with {@code --strict}, warnings fail it.
     */
    public SynthResult synth(SynthSettings settings) {
        return synth(settings, io.environment());
    }

    /**
     * Like {@link #synth(SynthSettings)} for a Java app its caller has resolved itself — the main class
     * and class path, e.g. the Maven plugin's project with its compiled classes and runtime class path —
     * instead of {@code settings.app()} or cdk.json's {@code "app"}. It runs in the warm app host (cold
     * with {@code settings.warm()} false); the class path reaches the JVM in {@code CLASSPATH}, so a cold
     * run starts the same JVM and progress lines show {@code java MAIN}, not the class path.
     */
    public SynthResult synth(SynthSettings settings, JavaLaunch app) {
        Map<String, String> environment = new HashMap<>(io.environment());
        environment.put("CLASSPATH", app.classpath());
        SynthSettings withApp = new SynthSettings(Optional.of(JavaAppCommand.of(app)), settings.output(),
                settings.lookups(), settings.warm(), settings.appSettings());
        return synth(withApp, environment);
    }

    private SynthResult synth(SynthSettings settings, Map<String, String> appEnvironment) {
        settings().build().ifPresent(command -> BuildCommand.run(command, configuration().workingDirectory(),
                appEnvironment, io.err()));
        ProfileFiles.RegionChoice region = defaultRegion();
        Runnable warmUp = () -> {
            credentials().selectedPlugins();
            SdkWarmUp.run(clients(), region.region());
        };
        return new Synthesis(configuration(), Optional.of(region.region()).filter(r -> region.configured()),
                this::defaultAccount,
                () -> new ContextLookups(credentials(), clients(), LookupProviders.builtIn(), credentialOverrides(),
                        concurrency()), warmUp,
                io.err(), options.verbose(), options.strict(), this::closeWithToolkit)
                .run(settings, appRunner(settings.warm(), appEnvironment));
    }

    /** The default identity's account for {@code CDK_DEFAULT_ACCOUNT}, cached per access key (see {@link DefaultAccount}). */
    public synchronized Optional<String> defaultAccount() {
        if (defaultAccount == null) {
            defaultAccount = new DefaultAccount(credentials().defaultIdentity(), io.environment(), io.homeDirectory());
        }
        return defaultAccount.account();
    }

    /** Deploys and destroys stacks; progress on stderr, results on stdout. */
    public DeployEngine deployEngine() {
        return new DeployEngine(credentials(), clients(), DockerEnvironment.from(io.environment(), io.homeDirectory()),
                io.err(), io.out(), Sleeper.SYSTEM, Clock.systemDefaultZone(), timeouts().throttledWait(), concurrency(),
                verboseLog(), io.environment().get("PATH"));
    }

    /** How long AWS calls may take, from the environment ({@link AwsTimeouts}). */
    private AwsTimeouts timeouts() {
        return AwsTimeouts.fromEnvironment(io.environment());
    }

    /** Bootstraps environments; progress on stderr, the summary on stdout. */
    public Bootstrapper bootstrapper() {
        return new Bootstrapper(credentials(), clients(), progress -> new DeployEngine(credentials(), clients(),
                DockerEnvironment.from(io.environment(), io.homeDirectory()), progress,
                new PrintWriter(java.io.Writer.nullWriter()), Sleeper.SYSTEM, Clock.systemDefaultZone(),
                timeouts().throttledWait(), concurrency()),
                io.err(), io.out(), Clock.systemDefaultZone());
    }

    /** Compares stacks with what is deployed, printing on stdout. */
    public StackDiffer differ() {
        return new StackDiffer(credentials(), clients(), io.out(), Sleeper.SYSTEM, verboseLog());
    }

    /** A warning line on stderr, whole (parallel lookups and deployments share the writer). */
    private void warn(String message) {
        PrintWriter err = io.err();
        synchronized (err) {
            err.println("Warning: " + message);
            err.flush();
        }
    }

    /** The warm app host unless {@code warm} is false (or cdk.json turns it off); cold runs otherwise. */
    private AppRunner appRunner(boolean warm, Map<String, String> environment) {
        PrintWriter err = io.err();
        boolean verbose = options.verbose();
        // The app's own output is shown, as the CDK CLI does, except jsii's Node.js end-of-life banner,
        // which the JSII_SILENCE variable no longer suppresses on Node 20 (shown with --verbose).
        Consumer<String> appOutput = line -> {
            if (verbose || !isJsiiBanner(line)) {
                err.println(line);
            }
        };
        AppRunner cold = new ColdAppRunner(err, appOutput, environment, Clock.systemUTC(), verboseLog());
        return AppRunners.select(cold, warm, configuration().workingDirectory(), err, appOutput, verboseLog(),
                environment);
    }

    /** Lines shown with {@code --verbose}, on stderr. */
    private Consumer<String> verboseLog() {
        PrintWriter err = io.err();
        return options.verbose() ? err::println : line -> { };
    }

    static boolean isJsiiBanner(String line) {
        return line.isBlank() || line.startsWith("!!");
    }

    /** Closes {@code resource} with the toolkit: a lock held until the command has finished with what it protects. */
    private synchronized void closeWithToolkit(AutoCloseable resource) {
        ensureOpen();
        register(resource);
    }

    private <T extends AutoCloseable> T register(T resource) {
        toClose.push(resource);
        return resource;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the toolkit is closed");
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
