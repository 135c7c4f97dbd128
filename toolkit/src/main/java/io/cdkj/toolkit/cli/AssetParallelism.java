package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import java.util.Locale;

/**
 * {@code --asset-parallelism} and {@code --asset-build-concurrency} as the CDK CLI means them: with
 * parallelism on (the default) {@link AssetConcurrency#DEFAULT} destinations (8) publish at once and
 * {@code --asset-build-concurrency} images build at once; off, everything runs one at a time. cdkj also
 * takes a number of destinations for {@code --asset-parallelism}, for apps with many accounts.
 * Stateless.
 */
final class AssetParallelism {

    private AssetParallelism() {
    }

    /**
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the flag for a value that is neither a
     *     boolean nor a positive number, or a build concurrency below 1
     */
    static AssetConcurrency parse(String parallelism, int buildConcurrency) {
        if (buildConcurrency < 1) {
            throw new ToolkitException(ErrorCode.USAGE, "--asset-build-concurrency must be at least 1, got " + buildConcurrency);
        }
        String value = parallelism.trim().toLowerCase(Locale.ROOT);
        if (value.equals("false")) {
            return new AssetConcurrency(1, 1);
        }
        if (value.equals("true")) {
            return new AssetConcurrency(AssetConcurrency.DEFAULT.publishes(), buildConcurrency);
        }
        try {
            int publishes = Integer.parseInt(value);
            if (publishes >= 1) {
                return new AssetConcurrency(publishes, buildConcurrency);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ToolkitException(ErrorCode.USAGE, "--asset-parallelism '" + parallelism
                + "' is not true, false or a number of destinations (at least 1)");
    }
}
