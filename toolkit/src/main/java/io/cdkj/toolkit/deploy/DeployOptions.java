package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The choices of one {@code cdkj deploy} (the command line over {@code cdk.json}).
 *
 * @param roleArn                 {@code --role-arn}: CloudFormation service role for every stack, overriding
 *                                the assembly's {@code cloudFormationExecutionRoleArn}
 * @param parameters              {@code --parameters}
 * @param tags                    {@code --tags}, on top of the assembly's tags
 * @param notificationArns        {@code --notification-arns}, added to the assembly's
 * @param concurrency             {@code --concurrency}: stacks of one environment deployed at the same time (at least 1)
 * @param outputsFile             {@code --outputs-file}
 * @param assetConcurrency        {@code --asset-parallelism} and {@code --asset-build-concurrency}: docker image
 *                                destinations published and images built at the same time
 * @param method                  {@code --method}
 * @param changeSetName           {@code --change-set-name}: the change set to create (or execute)
 * @param force                   {@code --force}: publish assets even when they are already there
 * @param rollback                false for {@code --no-rollback}: keep what a failed deployment created
 * @param previousParameters      false for {@code --no-previous-parameters}: parameters not given fall back
 *                                to their defaults instead of the deployed values
 * @param importExistingResources {@code --import-existing-resources}: the change set imports resources that exist
 * @param progress                {@code --progress}
 * @param requireApproval         {@code --require-approval}
 *
 * <p>Immutable.
 */
public record DeployOptions(Optional<String> roleArn, ParameterOverrides parameters, Map<String, String> tags,
        List<String> notificationArns, int concurrency, Optional<Path> outputsFile, AssetConcurrency assetConcurrency,
        DeployMethod method, Optional<String> changeSetName, boolean force, boolean rollback,
        boolean previousParameters, boolean importExistingResources, StackProgress progress,
        RequireApproval requireApproval) {

    /**
     * Default {@code --concurrency}. The CDK CLI deploys one stack at a time; cdkj's typical run deploys
     * one stack per account (dev, prod), and stacks in different accounts or regions do not contend for
     * anything, so running a few at once cuts the wall time without raising any account's API rate.
     */
    public static final int DEFAULT_CONCURRENCY = 4;

    /**
     * Every choice at its default, except that nothing asks for approval: for programs and tests that
     * drive the engine directly (the CLI's default, as the Node CLI's, is {@link RequireApproval#BROADENING}).
     */
    public static final DeployOptions DEFAULTS = builder().requireApproval(RequireApproval.NEVER).build();

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
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(changeSetName, "changeSetName");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(requireApproval, "requireApproval");
    }

    /** The earlier options' fields with the defaults for the rest (no approval asked: tests and programs). */
    public DeployOptions(Optional<String> roleArn, ParameterOverrides parameters, Map<String, String> tags,
            List<String> notificationArns, int concurrency, Optional<Path> outputsFile, AssetConcurrency assetConcurrency) {
        this(roleArn, parameters, tags, notificationArns, concurrency, outputsFile, assetConcurrency, DeployMethod.CHANGE_SET,
                Optional.empty(), false, true, true, false, StackProgress.EVENTS, RequireApproval.NEVER);
    }

    /** A builder with every choice at the Node CLI's default ({@code --require-approval broadening} included). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DeployOptions}; not thread-safe. */
    public static final class Builder {
        private Optional<String> roleArn = Optional.empty();
        private ParameterOverrides parameters = ParameterOverrides.NONE;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private List<String> notificationArns = List.of();
        private int concurrency = DEFAULT_CONCURRENCY;
        private Optional<Path> outputsFile = Optional.empty();
        private AssetConcurrency assetConcurrency = AssetConcurrency.DEFAULT;
        private DeployMethod method = DeployMethod.CHANGE_SET;
        private Optional<String> changeSetName = Optional.empty();
        private boolean force;
        private boolean rollback = true;
        private boolean previousParameters = true;
        private boolean importExistingResources;
        private StackProgress progress = StackProgress.EVENTS;
        private RequireApproval requireApproval = RequireApproval.BROADENING;

        private Builder() {
        }

        public Builder roleArn(Optional<String> value) { roleArn = value; return this; }
        public Builder parameters(ParameterOverrides value) { parameters = value; return this; }
        public Builder tags(Map<String, String> value) { tags.putAll(value); return this; }
        public Builder notificationArns(List<String> value) { notificationArns = value; return this; }
        public Builder concurrency(int value) { concurrency = value; return this; }
        public Builder outputsFile(Optional<Path> value) { outputsFile = value; return this; }
        public Builder assetConcurrency(AssetConcurrency value) { assetConcurrency = value; return this; }
        public Builder method(DeployMethod value) { method = value; return this; }
        public Builder changeSetName(Optional<String> value) { changeSetName = value; return this; }
        public Builder force(boolean value) { force = value; return this; }
        public Builder rollback(boolean value) { rollback = value; return this; }
        public Builder previousParameters(boolean value) { previousParameters = value; return this; }
        public Builder importExistingResources(boolean value) { importExistingResources = value; return this; }
        public Builder progress(StackProgress value) { progress = value; return this; }
        public Builder requireApproval(RequireApproval value) { requireApproval = value; return this; }

        public DeployOptions build() {
            return new DeployOptions(roleArn, parameters, tags, notificationArns, concurrency, outputsFile,
                    assetConcurrency, method, changeSetName, force, rollback, previousParameters, importExistingResources, progress,
                    requireApproval);
        }
    }
}
