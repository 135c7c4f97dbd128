package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of publishing one image asset to its destinations.
 *
 * @param asset    the asset
 * @param outcomes one per destination, in the order they were given
 *
 * <p>Immutable.
 */
public record ImagePublishResult(DockerImageAsset asset, List<DestinationOutcome> outcomes) {

    public ImagePublishResult {
        Objects.requireNonNull(asset, "asset");
        outcomes = List.copyOf(outcomes);
    }

    /** The failed destinations. */
    public List<DestinationOutcome.Failed> failures() {
        return outcomes.stream().filter(DestinationOutcome.Failed.class::isInstance)
                .map(DestinationOutcome.Failed.class::cast).toList();
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }
}
