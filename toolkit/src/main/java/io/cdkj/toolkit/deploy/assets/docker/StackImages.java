package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.deploy.assets.AssetManifest;
import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The docker images of one stack: every image asset of its asset manifests, published to its
 * destinations (placeholders filled for the stack's environment). The deploy engine starts all stacks'
 * images at once, before any stack deploys, and each stack waits for its own before its change set.
 *
 * <p>Immutable once started; thread-safe.
 */
public final class StackImages {

    private final String stackName;
    private final CompletableFuture<List<ImagePublishResult>> results;

    private StackImages(String stackName, CompletableFuture<List<ImagePublishResult>> results) {
        this.stackName = stackName;
        this.results = results;
    }

    /** Whether any of {@code assetManifests} holds a docker image asset (so a publisher is needed at all). */
    public static boolean any(List<Path> assetManifests) {
        return assetManifests.stream().anyMatch(file -> !AssetManifest.read(file).dockerImages().isEmpty());
    }

    /** A stack without images: ready at once. */
    public static StackImages none(String stackName) {
        return new StackImages(stackName, CompletableFuture.completedFuture(List.of()));
    }

    /**
     * Starts publishing the images of {@code assetManifests} for a stack in {@code environment} whose base
     * credentials come from {@code source}.
     *
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) when a manifest cannot be read
     */
    public static StackImages start(DockerImagePublisher publisher, String stackName, AwsEnvironment environment,
            CredentialSource source, List<Path> assetManifests) {
        List<CompletableFuture<ImagePublishResult>> images = new ArrayList<>();
        for (Path file : assetManifests) {
            for (DockerImageAsset asset : AssetManifest.read(file).dockerImages()) {
                List<ImageTarget> targets = asset.destinations().stream()
                        .map(destination -> ImageTarget.resolve(destination, environment, source)).toList();
                images.add(publisher.publish(stackName, asset, targets));
            }
        }
        return new StackImages(Objects.requireNonNull(stackName, "stackName"),
                CompletableFuture.allOf(images.toArray(CompletableFuture[]::new))
                        .thenApply(done -> images.stream().map(CompletableFuture::join).toList()));
    }

    /**
     * Waits until every image of the stack is at every destination.
     *
     * @return the results (all succeeded)
     * @throws ToolkitException the first failure (its code; the message names the asset and destination and
     *     how many more failed), or {@link ErrorCode#INTERRUPTED}
     */
    public List<ImagePublishResult> await() {
        List<ImagePublishResult> all;
        try {
            all = results.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while publishing the images of " + stackName, e);
        } catch (ExecutionException | CompletionException e) {
            // publish() turns every failure into an outcome: anything else is a bug
            throw new IllegalStateException("publishing the images of " + stackName + " failed unexpectedly", e.getCause());
        }
        List<DestinationOutcome.Failed> failures = all.stream().flatMap(r -> r.failures().stream()).toList();
        Optional<DestinationOutcome.Failed> first = failures.stream().findFirst();
        if (first.isPresent()) {
            ToolkitException error = first.get().error();
            String more = failures.size() == 1 ? "" : " (and " + (failures.size() - 1) + " more image destinations)";
            throw new ToolkitException(error.code(), error.getMessage() + more, error);
        }
        return all;
    }
}
