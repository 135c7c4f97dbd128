package io.cdkj.toolkit.aws;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Optional;
import java.util.function.Function;

/**
 * How far the toolkit fans out over environments, and how fast it may call STS — bounded by the
 * network and STS's quota, not by a small constant (docs/ARCHITECTURE.md, "Fan-out").
 *
 * <p>Immutable.
 *
 * @param maxParallelEnvironments environments worked on at once (lookups and their credentials);
 *                                context key {@value #MAX_PARALLEL_ENVIRONMENTS}
 * @param stsRequestsPerSecond    STS requests per second the toolkit sends per (calling account, region);
 *                                context key {@value #STS_REQUESTS_PER_SECOND}
 */
public record AwsConcurrency(int maxParallelEnvironments, double stsRequestsPerSecond) {

    /** Context key of {@link #maxParallelEnvironments()}. */
    public static final String MAX_PARALLEL_ENVIRONMENTS = "cdkj:maxParallelEnvironments";
    /** Context key of {@link #stsRequestsPerSecond()}. */
    public static final String STS_REQUESTS_PER_SECOND = "cdkj:stsRequestsPerSecond";

    /**
     * 128 environments at once: a pipeline of 100 accounts resolves and looks up all of them in one
     * wave. Each costs one thread and a few pooled connections while its calls wait on the network.
     */
    public static final int DEFAULT_MAX_PARALLEL_ENVIRONMENTS = 128;
    /**
     * Half of STS's default quota of 600 requests per second per account and region (IAM User Guide,
     * "IAM and AWS STS quotas"), leaving the other half to the account's other users (parallel CI
     * jobs, the SDK refreshing sessions).
     */
    public static final double DEFAULT_STS_REQUESTS_PER_SECOND = 300;
    /** HTTP connections per environment worked on at once: its independent lookups run side by side. */
    public static final int CONNECTIONS_PER_ENVIRONMENT = 4;

    /** The defaults. */
    public static final AwsConcurrency DEFAULT = new AwsConcurrency(DEFAULT_MAX_PARALLEL_ENVIRONMENTS,
            DEFAULT_STS_REQUESTS_PER_SECOND);

    public AwsConcurrency {
        if (maxParallelEnvironments < 1) {
            throw new IllegalArgumentException("maxParallelEnvironments must be at least 1, got " + maxParallelEnvironments);
        }
        if (!(stsRequestsPerSecond > 0)) {
            throw new IllegalArgumentException("stsRequestsPerSecond must be positive, got " + stsRequestsPerSecond);
        }
    }

    /**
     * The settings in the context (cdk.json, {@code -c}), else the defaults.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the key when a value is not a positive number
     */
    public static AwsConcurrency from(Function<String, Optional<Object>> contextValue) {
        int environments = contextValue.apply(MAX_PARALLEL_ENVIRONMENTS)
                .map(v -> (int) positive(MAX_PARALLEL_ENVIRONMENTS, v, true)).orElse(DEFAULT_MAX_PARALLEL_ENVIRONMENTS);
        double sts = contextValue.apply(STS_REQUESTS_PER_SECOND)
                .map(v -> positive(STS_REQUESTS_PER_SECOND, v, false)).orElse(DEFAULT_STS_REQUESTS_PER_SECOND);
        return new AwsConcurrency(environments, sts);
    }

    /** The HTTP connection pool size for {@link #maxParallelEnvironments()}. */
    public int maxConnections() {
        return maxParallelEnvironments * CONNECTIONS_PER_ENVIRONMENT;
    }

    private static double positive(String key, Object value, boolean whole) {
        try {
            double number = Double.parseDouble(String.valueOf(value).trim());
            if (number > 0 && (!whole || number == Math.rint(number) && number <= 100_000)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ToolkitException(ErrorCode.USAGE, "Context key " + key + " must be a positive " + (whole ? "whole " : "")
                + "number, got '" + value + "'. Fix it in cdk.json or -c " + key + "=N.");
    }
}
