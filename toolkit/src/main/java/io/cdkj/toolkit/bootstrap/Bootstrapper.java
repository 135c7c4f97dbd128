package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.deploy.DeployEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code cdkj bootstrap}: prepares environments for apps synthesized with the default synthesizer
 * (docs/BOOTSTRAP.md). All environments run in parallel, up to a concurrency: first every current
 * bootstrap stack is read, then (the plugin roles placed, one stack per account) each is deployed.
 * One environment failing does not stop the others. Progress lines on stderr are prefixed with the
 * environment; the summary goes to stdout.
 *
 * <p>Thread-safe; uses the caller's credentials and client factory (owned and closed by the caller).
 */
public final class Bootstrapper {

    private final TargetCredentials credentials;
    private final AwsClientFactory clients;
    private final Function<PrintWriter, DeployEngine> engines;
    private final ProgressLog log;
    private final ProgressLog results;
    private final Clock clock;

    /**
     * @param engines  a deploy engine printing its progress to the given writer (its results are not used)
     * @param progress where progress lines go (stderr)
     * @param results  where the summary goes (stdout)
     */
    public Bootstrapper(TargetCredentials credentials, AwsClientFactory clients, Function<PrintWriter, DeployEngine> engines,
            PrintWriter progress, PrintWriter results, Clock clock) {
        this.credentials = credentials;
        this.clients = clients;
        this.engines = engines;
        this.log = new ProgressLog(progress);
        this.results = new ProgressLog(results);
        this.clock = clock;
    }

    /**
     * @param concurrency environments bootstrapped at the same time (at least 1)
     * @return the result of every environment, in the order given
     * @throws ToolkitException ({@link ErrorCode#USAGE}) before any AWS call for an option the template
     *     cannot take; after printing all results, naming the environments that failed (the failures'
     *     own exit code when they agree, else {@link ErrorCode#AWS})
     */
    public List<BootstrapResult> bootstrap(List<AwsEnvironment> environments, BootstrapOptions options,
            BootstrapTemplate template, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        BootstrapParameters.requireAccepted(options, template);
        Path directory = temporaryDirectory();
        try {
            EnvironmentBootstrap each = new EnvironmentBootstrap(credentials, clients, engines, log, clock, options, template,
                    write(directory, template));
            List<EnvironmentBootstrap.Step> looked = InParallel.map(environments.stream().distinct().toList(), concurrency,
                    environment -> {
                        Instant start = clock.instant();
                        try {
                            return each.lookUp(environment, start);
                        } catch (RuntimeException e) {
                            return new EnvironmentBootstrap.Ended(failed(environment, e, start));
                        }
                    });
            Map<AwsEnvironment, Optional<CurrentBootstrap>> current = new LinkedHashMap<>();
            for (EnvironmentBootstrap.Step step : looked) {
                if (step instanceof EnvironmentBootstrap.Looked l) {
                    current.put(l.environment(), l.current());
                }
            }
            Map<AwsEnvironment, Optional<Boolean>> pluginRoles = PluginRolePlacement.place(options.pluginRoles(), current);
            List<BootstrapResult> outcomes = InParallel.map(looked, concurrency, step -> {
                if (step instanceof EnvironmentBootstrap.Ended ended) {
                    return ended.result();
                }
                EnvironmentBootstrap.Looked l = (EnvironmentBootstrap.Looked) step;
                try {
                    return each.bootstrap(l, pluginRoles.get(l.environment()));
                } catch (RuntimeException e) {
                    return failed(l.environment(), e, l.start());
                }
            });
            summarize(outcomes);
            failIfAnyFailed(outcomes);
            return outcomes;
        } finally {
            delete(directory);
        }
    }

    private BootstrapResult failed(AwsEnvironment environment, RuntimeException e, Instant start) {
        if (e instanceof ToolkitException toolkit && toolkit.code() == ErrorCode.INTERRUPTED) {
            throw toolkit;
        }
        BootstrapResult result = EnvironmentBootstrap.failure(environment, e, Duration.between(start, clock.instant()));
        log.stack(environment.toString(), "FAILED — " + result.detail().orElse(""));
        return result;
    }

    private void summarize(List<BootstrapResult> all) {
        results.line("");
        for (BootstrapResult r : all) {
            String time = String.format(Locale.ROOT, "%.1fs", r.elapsed().toMillis() / 1000.0);
            results.line(switch (r.outcome()) {
                case BOOTSTRAPPED -> "✅ " + r.environment() + " bootstrapped (" + time + ")";
                case NO_CHANGES -> "✅ " + r.environment() + " (no changes, " + time + ")";
                case LEFT_AS_IS -> "⚠ " + r.environment() + " left as it is: " + r.detail().orElse("");
                case FAILED -> "❌ " + r.environment() + " failed (" + time + "): " + r.detail().orElse("");
            });
        }
    }

    private static void failIfAnyFailed(List<BootstrapResult> all) {
        List<BootstrapResult> failed = all.stream().filter(r -> r.outcome() == BootstrapResult.Outcome.FAILED).toList();
        if (failed.isEmpty()) {
            return;
        }
        ErrorCode code = failed.stream().map(BootstrapResult::failureCode).distinct().count() == 1
                ? failed.get(0).failureCode() : ErrorCode.AWS;
        throw new ToolkitException(code, "Could not bootstrap " + failed.stream().map(r -> r.environment().toString())
                .collect(Collectors.joining(", ")) + ": " + failed.get(0).detail().orElse(""));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cdkj-bootstrap-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the bootstrap template", e);
        }
    }

    private static Path write(Path directory, BootstrapTemplate template) {
        try {
            return Files.writeString(directory.resolve("bootstrap.template.json"), template.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("bootstrap.template.json"));
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a leftover file in the temporary directory changes nothing
        }
    }
}
