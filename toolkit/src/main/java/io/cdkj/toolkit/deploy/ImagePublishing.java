package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.credentials.TargetCredentials;
import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import io.cdkj.toolkit.deploy.assets.docker.DockerImagePublisher;
import io.cdkj.toolkit.deploy.assets.docker.HostDestinationCredentials;
import io.cdkj.toolkit.deploy.assets.docker.StackImages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The docker images of one deploy: when any selected stack has image assets, one
 * {@link DockerImagePublisher} for the whole run (each image built once, pushes bounded by
 * {@code --asset-parallelism}), and every stack's images started at once, before any stack deploys —
 * so pushes to many accounts are not held back by {@code --concurrency}, and each stack deploys as soon
 * as its own images are in place. Without image assets nothing is created (no temporary directory, no
 * threads, no container tool needed).
 *
 * <p>Thread-safe; {@link #close()} at the end of the deploy removes the temporary docker configuration.
 */
final class ImagePublishing implements AutoCloseable {

    private final Optional<DockerImagePublisher> publisher;
    private final Map<String, StackImages> byStack;

    private ImagePublishing(Optional<DockerImagePublisher> publisher, Map<String, StackImages> byStack) {
        this.publisher = publisher;
        this.byStack = byStack;
    }

    static ImagePublishing start(List<ResolvedStack> stacks, DockerEnvironment docker, TargetCredentials credentials,
            AwsClientFactory clients, ProgressLog log, AssetConcurrency concurrency) {
        Map<String, StackImages> byStack = new HashMap<>();
        if (stacks.stream().noneMatch(stack -> StackImages.any(stack.artifact().assetManifests()))) {
            return new ImagePublishing(Optional.empty(), byStack);
        }
        DockerImagePublisher publisher = new DockerImagePublisher(docker, new HostDestinationCredentials(credentials),
                clients, log, concurrency);
        try {
            for (ResolvedStack stack : stacks) {
                byStack.put(stack.displayName(), StackImages.start(publisher, stack.stackName(),
                        stack.environment(), stack.source(), stack.artifact().assetManifests()));
            }
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
        return new ImagePublishing(Optional.of(publisher), byStack);
    }

    /** The images {@code stack} must wait for (none when it has no image assets). */
    StackImages of(ResolvedStack stack) {
        return byStack.getOrDefault(stack.displayName(), StackImages.none(stack.stackName()));
    }

    @Override
    public void close() {
        publisher.ifPresent(DockerImagePublisher::close);
    }
}
