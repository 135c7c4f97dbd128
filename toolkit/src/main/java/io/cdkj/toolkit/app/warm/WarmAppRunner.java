package io.cdkj.toolkit.app.warm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import io.cdkj.toolkit.app.AppCommandLine;
import io.cdkj.toolkit.app.AppEnvironment;
import io.cdkj.toolkit.app.AppRequest;
import io.cdkj.toolkit.app.AppRun;
import io.cdkj.toolkit.app.AppRunner;
import io.cdkj.toolkit.app.ErrorFile;
import io.cdkj.toolkit.app.NodeHint;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a CDK for Java app in one long-lived child JVM (the app host) for all runs of a synth: the
 * first run pays for starting the JVM and the jsii runtime, every later lookup round only for
 * {@code main} itself. The context reaches the app through the file named by
 * {@value AppEnvironment#CONTEXT_OVERFLOW_LOCATION_ENV}, which aws-cdk-lib reads at every
 * {@code new App()}; this runner rewrites it before each run ({@code CDK_CONTEXT_JSON} is {@code {}}).
 *
 * <p>Falls back to {@code cold} — saying why on {@code verbose} — when the command is not a
 * {@code java} command line (see {@link LaunchResolver}), when the host cannot start, when
 * {@code main} calls {@code System.exit}, or when the host dies; after such a fallback the rest of the
 * synth runs cold. {@link #close()} stops the host and its children (also registered as a shutdown
 * hook, for Ctrl-C).
 *
 * <p>Not thread-safe: one run at a time, like the synth loop.
 */
public final class WarmAppRunner implements AppRunner {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final AppRunner cold;
    private final LaunchResolver resolver;
    private final PrintWriter progress;
    private final Consumer<String> appOutput;
    private final Consumer<String> verbose;
    private final Map<String, String> inheritedEnvironment;
    private final Clock clock;
    private final Map<String, LaunchPlan> plans = new HashMap<>();
    private final Thread shutdownHook = new Thread(this::destroyOnShutdown, "cdkj-app-host-shutdown");
    private volatile boolean shuttingDown;
    private volatile AppHost host;
    private HostFiles files;
    private String fallbackReason;

    /**
     * @param cold      runs the app when the host cannot
     * @param progress  stderr: "Running app ..." lines
     * @param appOutput receives every line the app prints
     * @param verbose   receives why a run is cold, and what was resolved ({@code --verbose})
     */
    public WarmAppRunner(AppRunner cold, LaunchResolver resolver, PrintWriter progress, Consumer<String> appOutput,
                         Consumer<String> verbose) {
        this(cold, resolver, progress, appOutput, verbose, System.getenv(), Clock.systemUTC());
    }

    WarmAppRunner(AppRunner cold, LaunchResolver resolver, PrintWriter progress, Consumer<String> appOutput,
                  Consumer<String> verbose, Map<String, String> inheritedEnvironment, Clock clock) {
        this.cold = Objects.requireNonNull(cold, "cold");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.appOutput = Objects.requireNonNull(appOutput, "appOutput");
        this.verbose = Objects.requireNonNull(verbose, "verbose");
        this.inheritedEnvironment = Map.copyOf(inheritedEnvironment);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AppRun run(AppRequest request) {
        if (fallbackReason != null) {
            return runCold(request, fallbackReason);
        }
        Map<String, String> appEnvironment = appEnvironment(request);
        LaunchPlan plan = plans.computeIfAbsent(request.command() + "\0" + request.workingDirectory(),
                c -> resolver.resolve(request.command(), request.workingDirectory(), appEnvironment,
                        request.outputDirectory().resolve(".cdkj")));
        if (plan instanceof LaunchPlan.Cold c) {
            return runCold(request, c.reason());
        }
        Map<String, String> environment = hostEnvironment(appEnvironment);
        AppHost.Key key = new AppHost.Key(((LaunchPlan.Warm) plan).launch(), request.workingDirectory(), environment);
        Optional<AppHost> ready = hostFor(key);
        if (ready.isEmpty()) {
            return runCold(request, fallbackReason);
        }
        writeContext(request);
        AppCommandLine.report(request.command(), " (in the warm app host)", progress, verbose);
        ErrorFile.clear(request.outputDirectory());
        Instant start = clock.instant();
        AppHost.Outcome outcome = ready.get().run();
        Duration elapsed = Duration.between(start, clock.instant());
        if (shuttingDown) {
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while the app was running; stopped it.");
        }
        if (outcome instanceof AppHost.Outcome.Completed) {
            progress.printf(Locale.ROOT, "App finished in %.1f s%n", elapsed.toMillis() / 1000.0);
            progress.flush();
            return new AppRun(request.outputDirectory(), elapsed);
        }
        if (outcome instanceof AppHost.Outcome.Failed f) {
            throw failed(request, f, environment);
        }
        AppHost.Outcome.Exited exited = (AppHost.Outcome.Exited) outcome;
        stopHost();
        fallbackReason = exited.systemExit()
                ? "the app's main called System.exit (exit code " + exited.exitCode() + ") in the warm app host"
                : "the warm app host died (exit code " + exited.exitCode() + ")"
                        + (exited.stderrTail().isBlank() ? "" : ":\n" + exited.stderrTail());
        return runCold(request, fallbackReason);
    }

    private AppRun runCold(AppRequest request, String reason) {
        verbose.accept("Running the app cold (a fresh process): " + reason);
        return cold.run(request);
    }

    /** The running host for {@code key}, starting one (and stopping another) when needed. */
    private Optional<AppHost> hostFor(AppHost.Key key) {
        AppHost current = host;
        if (current != null && current.key().equals(key)) {
            return Optional.of(current);
        }
        stopHost();
        try {
            verbose.accept("Starting the warm app host: " + key.launch().mainClass() + " with the app's class path");
            host = AppHost.start(key, files.classes(), appOutput, START_TIMEOUT);
            return Optional.of(host);
        } catch (AppHost.HostStartException e) {
            fallbackReason = "the warm app host could not start: " + e.getMessage()
                    + (e.stderrTail().isBlank() ? "" : ":\n" + e.stderrTail());
            return Optional.empty();
        }
    }

    /** The app's environment without its context (which the host's app reads from a file). */
    private Map<String, String> appEnvironment(AppRequest request) {
        AppRequest contextFree = request.withContext(JsonNodeFactory.instance.objectNode());
        try (AppEnvironment env = AppEnvironment.prepare(contextFree, inheritedEnvironment,
                AppEnvironment.defaultLimit())) {
            return env.variables();
        }
    }

    /** The host's environment, the same for every run of one host: the context goes through the file. */
    private Map<String, String> hostEnvironment(Map<String, String> appEnvironment) {
        Map<String, String> variables = new HashMap<>(appEnvironment);
        if (files == null) {
            files = HostFiles.create();
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        variables.put(AppEnvironment.CONTEXT_OVERFLOW_LOCATION_ENV, files.context().toString());
        return variables;
    }

    private void writeContext(AppRequest request) {
        try {
            Files.createDirectories(request.outputDirectory());
            Files.writeString(files.context(), JsonFiles.MAPPER.writeValueAsString(request.context()));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot write the app's context to " + files.context() + " or"
                    + " create " + request.outputDirectory() + ": " + e.getMessage()
                    + ". Check that java.io.tmpdir and the output directory are writable.", e);
        }
    }

    /**
     * One line: the app's output, stderr included, was printed as it ran (through {@code appOutput}); the
     * stderr tail only picks the hint, the same one the cold runner gives ({@link NodeHint}).
     */
    private static ToolkitException failed(AppRequest request, AppHost.Outcome.Failed failure,
            Map<String, String> environment) {
        return new ToolkitException(ErrorCode.APP, "The app failed: its main threw "
                + UntrustedText.excerpt(failure.summary()) + ErrorFile.describe(request.outputDirectory())
                + " (" + UntrustedText.excerpt(request.command()) + "). "
                + NodeHint.forFailure(failure.stderrTail(), environment.get("PATH"))
                        .orElse("Hint: fix the error above; to rule out the warm app host, run again with --no-warm."));
    }

    /** The running host's process, if any (tests check it leaves no orphans). */
    Optional<ProcessHandle> hostProcess() {
        return Optional.ofNullable(host).map(AppHost::handle);
    }

    private void stopHost() {
        AppHost current = host;
        host = null;
        if (current != null) {
            current.close();
        }
    }

    private void destroyOnShutdown() {
        shuttingDown = true;
        AppHost current = host;
        if (current != null) {
            current.destroy();
        }
    }

    /** Stops the host and its children and deletes the host's files. */
    @Override
    public void close() {
        if (host != null) {
            Instant start = clock.instant();
            stopHost();
            verbose.accept(String.format(Locale.ROOT, "Stopped the warm app host in %.2f s",
                    Duration.between(start, clock.instant()).toMillis() / 1000.0));
        }
        if (files != null) {
            files.close();
            files = null;
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or has run
            }
        }
        cold.close();
    }
}
