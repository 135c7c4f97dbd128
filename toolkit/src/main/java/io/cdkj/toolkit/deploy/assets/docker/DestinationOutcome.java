package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ToolkitException;
import java.time.Duration;
import java.util.Objects;

/** What happened to an image at one destination. Immutable. */
public sealed interface DestinationOutcome
        permits DestinationOutcome.Pushed, DestinationOutcome.AlreadyPresent, DestinationOutcome.Failed {

    ImageTarget target();

    /** The repository had no such tag; the image was pushed to {@code imageUri} in {@code elapsed}. */
    record Pushed(ImageTarget target, String imageUri, Duration elapsed) implements DestinationOutcome {
        public Pushed {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(imageUri, "imageUri");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** ECR had the tag already (DescribeImages): nothing was built or pushed for this destination. */
    record AlreadyPresent(ImageTarget target, String imageUri) implements DestinationOutcome {
        public AlreadyPresent {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(imageUri, "imageUri");
        }
    }

    /** The destination failed; {@code error}'s message names the asset, the destination and the cause. */
    record Failed(ImageTarget target, ToolkitException error) implements DestinationOutcome {
        public Failed {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(error, "error");
        }
    }
}
