package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes docker image assets to ECR: every destination is checked first ({@code DescribeImages}),
 * the image is built once if any destination lacks it, and then pushed to those destinations
 * concurrently, each with its own credentials. Destination checks and pushes share a pool of
 * {@link AssetConcurrency#publishes()} threads, builds a separate pool of {@link AssetConcurrency#builds()};
 * the stages are chained, so no publish thread is held while an image builds. A failure stays with
 * its destination (or, for a build, with the destinations that needed it); the rest carry on.
 *
 * <p>Thread-safe: stacks deploying in parallel may publish through one instance, which builds each asset
 * once for all of them. {@link #close()} stops the pools (killing running docker commands) and removes
 * the temporary docker configuration.
 */
public final class DockerImagePublisher implements AutoCloseable {

    private final ExecutorService publishPool;
    private final ExecutorService buildPool;
    private final DockerConfigDirectory config;
    private final ImageBuilds builds;
    private final DestinationPublisher destinations;
    private final RegistryLogins logins;
    private final ProgressLog log;

    /**
     * @param environment  the container tool and the environment its commands run with
     * @param credentials  each destination's credentials
     * @param clients      where the ECR clients come from (the factory owns and closes them)
     * @param log          progress lines
     * @param concurrency  the publish and build bounds
     */
    public DockerImagePublisher(DockerEnvironment environment, DestinationCredentials credentials,
            AwsClientFactory clients, ProgressLog log, AssetConcurrency concurrency) {
        Objects.requireNonNull(environment, "environment");
        this.log = Objects.requireNonNull(log, "log");
        Redactor redactor = new Redactor();
        CommandRunner runner = new CommandRunner(environment.variables(), redactor);
        Docker docker = new Docker(environment.tool(), runner);
        this.config = DockerConfigDirectory.create(environment.userConfig(), environment.temporaryDirectory());
        this.publishPool = Executors.newFixedThreadPool(concurrency.publishes(), threads("cdkj-image-publish-"));
        this.buildPool = Executors.newFixedThreadPool(concurrency.builds(), threads("cdkj-image-build-"));
        this.builds = new ImageBuilds(docker, runner, buildPool, log);
        this.logins = new RegistryLogins(docker, config, redactor);
        this.destinations = new DestinationPublisher(clients, credentials, docker, logins);
    }

    /**
     * Publishes {@code asset} to {@code targets}.
     *
     * @param owner prefix of the progress lines (the stack)
     * @return completes (never exceptionally) with one outcome per target
     */
    public CompletableFuture<ImagePublishResult> publish(String owner, DockerImageAsset asset, List<ImageTarget> targets) {
        List<CompletableFuture<DestinationOutcome>> outcomes = new ArrayList<>();
        for (ImageTarget target : targets) {
            CompletableFuture<DestinationPublisher.Checked> check =
                    CompletableFuture.supplyAsync(() -> destinations.check(asset, target), publishPool);
            outcomes.add(check.thenCompose(checked -> checked.present()
                            ? CompletableFuture.completedFuture(present(owner, asset, checked))
                            : builds.localImage(owner, asset)
                                    .exceptionally(e -> {
                                        throw new CompletionException(forTarget(asset, target, unwrap(e)));
                                    })
                                    .thenApplyAsync(image -> push(owner, asset, checked, image), publishPool))
                    .exceptionally(e -> new DestinationOutcome.Failed(target, failure(asset, target, e))));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> new ImagePublishResult(asset, outcomes.stream().map(CompletableFuture::join).toList()));
    }

    /** How many distinct images were built or reused so far (each asset id once). */
    public int imagesProduced() {
        return builds.requested();
    }

    /** How many registry logins ran so far (one per registry and credentials). */
    public int logins() {
        return logins.count();
    }

    /** Stops the pools (interrupting running commands) and deletes the temporary docker configuration. */
    @Override
    public void close() {
        publishPool.shutdownNow();
        buildPool.shutdownNow();
        try {
            publishPool.awaitTermination(30, TimeUnit.SECONDS);
            buildPool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            config.close();
        }
    }

    private DestinationOutcome present(String owner, DockerImageAsset asset, DestinationPublisher.Checked checked) {
        log.stack(owner, "image " + asset.label() + ": already present in " + checked.target().label());
        return new DestinationOutcome.AlreadyPresent(checked.target(), checked.imageUri());
    }

    private DestinationOutcome push(String owner, DockerImageAsset asset, DestinationPublisher.Checked checked,
            String image) {
        String label = checked.target().label();
        log.stack(owner, "image " + asset.label() + ": pushing to " + label);
        long start = System.nanoTime();
        destinations.push(asset, checked, image);
        long end = System.nanoTime();
        log.stack(owner, "image " + asset.label() + ": pushed to " + label + " in " + Elapsed.format(Elapsed.between(start, end)));
        return new DestinationOutcome.Pushed(checked.target(), checked.imageUri(), Elapsed.between(start, end));
    }

    /** The user-facing failure: toolkit errors (which name the destination) as they are, anything else wrapped. */
    private static ToolkitException failure(DockerImageAsset asset, ImageTarget target, Throwable thrown) {
        Throwable cause = unwrap(thrown);
        return cause instanceof ToolkitException e ? e : forTarget(asset, target, cause);
    }

    /** A failure that happened before the destination's own work (the build): named for the destination. */
    private static ToolkitException forTarget(DockerImageAsset asset, ImageTarget target, Throwable cause) {
        ErrorCode code = cause instanceof ToolkitException e ? e.code() : ErrorCode.AWS;
        String message = cause instanceof ToolkitException ? cause.getMessage() : String.valueOf(cause);
        return new ToolkitException(code, "Cannot publish docker image asset " + asset.label() + " to "
                + target.label() + ": " + message, cause);
    }

    private static Throwable unwrap(Throwable thrown) {
        return thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
