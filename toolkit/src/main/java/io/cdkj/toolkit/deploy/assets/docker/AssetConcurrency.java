package io.cdkj.toolkit.deploy.assets.docker;

/**
 * How much image work runs at once.
 *
 * @param publishes destinations checked and pushed at the same time (I/O-bound)
 * @param builds    images built at the same time (CPU- and memory-bound)
 *
 * <p>Immutable.
 */
public record AssetConcurrency(int publishes, int builds) {

    /** The CDK CLI's defaults with asset parallelism on: 8 publishes, 1 build. */
    public static final AssetConcurrency DEFAULT = new AssetConcurrency(8, 1);

    public AssetConcurrency {
        if (publishes < 1 || builds < 1) {
            throw new IllegalArgumentException("asset concurrency must be at least 1, got publishes=" + publishes
                    + ", builds=" + builds);
        }
    }
}
