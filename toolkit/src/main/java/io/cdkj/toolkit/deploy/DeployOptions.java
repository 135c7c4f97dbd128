package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command-line choices of one {@code cdkj deploy}.
 *
 * @param roleArn          {@code --role-arn}: CloudFormation service role for every stack, overriding
 *                         the assembly's {@code cloudFormationExecutionRoleArn}
 * @param parameters       {@code --parameters}
 * @param tags             {@code --tags}, on top of the assembly's tags
 * @param notificationArns {@code --notification-arns}, added to the assembly's
 * @param concurrency      {@code --concurrency}: stacks of one environment deployed at the same time (at least 1)
 * @param outputsFile      {@code --outputs-file}
 * @param assetConcurrency {@code --asset-parallelism} and {@code --asset-build-concurrency}: docker image
 *                         destinations published and images built at the same time
 *
 * <p>Immutable.
 */
public record DeployOptions(Optional<String> roleArn, ParameterOverrides parameters, Map<String, String> tags,
        List<String> notificationArns, int concurrency, Optional<Path> outputsFile, AssetConcurrency assetConcurrency) {

    /**
     * Default {@code --concurrency}. The CDK CLI deploys one stack at a time; cdkj's typical run deploys
     * one stack per account (dev, prod), and stacks in different accounts or regions do not contend for
     * anything, so running a few at once cuts the wall time without raising any account's API rate.
     */
    public static final int DEFAULT_CONCURRENCY = 4;

    public static final DeployOptions DEFAULTS = new DeployOptions(Optional.empty(), ParameterOverrides.NONE,
            Map.of(), List.of(), DEFAULT_CONCURRENCY, Optional.empty(), AssetConcurrency.DEFAULT);

    public DeployOptions {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(parameters, "parameters");
        tags = Map.copyOf(tags);
        notificationArns = List.copyOf(notificationArns);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        Objects.requireNonNull(outputsFile, "outputsFile");
        Objects.requireNonNull(assetConcurrency, "assetConcurrency");
    }
}
