package io.cdkj.toolkit.deploy.assets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A docker image asset of an asset manifest: how to produce the image, and the ECR repositories it
 * goes to (one destination per account and region that uses it).
 *
 * @param id           the asset id (a hash of the image's inputs: the same id means the same image)
 * @param displayName  the manifest's {@code displayName}, when the CDK wrote one
 * @param source       a directory to {@code docker build}, or a command that builds the image
 * @param destinations where the image is pushed
 *
 * <p>Immutable.
 */
public record DockerImageAsset(String id, Optional<String> displayName, DockerImageSource source,
        List<DockerImageDestination> destinations) {

    public DockerImageAsset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(source, "source");
        destinations = List.copyOf(destinations);
        if (id.isBlank()) {
            throw new IllegalArgumentException("asset id must not be blank");
        }
    }

    /** What progress lines and errors call the asset: its display name, else its id. */
    public String label() {
        return displayName.orElse(id);
    }

    /**
     * The local tag {@code docker build} gives the image, {@code cdkasset-<id>} in lower case (docker
     * references are lower case), as the CDK CLI names it: an image built by either tool is reused.
     */
    public String localTag() {
        return "cdkasset-" + id.toLowerCase(java.util.Locale.ROOT);
    }
}
