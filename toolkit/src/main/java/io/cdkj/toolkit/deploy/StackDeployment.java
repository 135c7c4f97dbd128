package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.aws.AwsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One stack to deploy, as the cloud assembly describes it: the input of the deploy engine. Built
 * from the assembly's stack artifact (see {@code StackDeployments}) or directly in tests.
 *
 * @param artifactId      the artifact id in the assembly (what {@code dependencies} name)
 * @param stackName       the CloudFormation stack name
 * @param environment     where the stack lives
 * @param templateFile    the synthesized template (JSON)
 * @param parameters      template parameters from the assembly ({@code --parameters} come on top)
 * @param tags            stack tags from the assembly ({@code --tags} come on top)
 * @param terminationProtection whether the stack must be protected against deletion
 * @param notificationArns SNS topics CloudFormation notifies
 * @param assumeRoleArn   role to assume on top of the environment's WRITE credentials, if any
 * @param assumeRoleExternalId external ID for {@code assumeRoleArn}, if any
 * @param cloudFormationExecutionRoleArn service role CloudFormation deploys with, if any
 * @param dependencies    artifact ids of stacks that must be deployed first
 * @param assetsManifests {@code *.assets.json} files whose assets this stack needs
 * @param stackTemplateAssetObjectUrl {@code s3://bucket/key} where a large template is uploaded, if known
 *
 * <p>Immutable and thread-safe.
 */
public record StackDeployment(
        String artifactId,
        String stackName,
        AwsEnvironment environment,
        Path templateFile,
        Map<String, String> parameters,
        Map<String, String> tags,
        boolean terminationProtection,
        List<String> notificationArns,
        Optional<String> assumeRoleArn,
        Optional<String> assumeRoleExternalId,
        Optional<String> cloudFormationExecutionRoleArn,
        List<String> dependencies,
        List<Path> assetsManifests,
        Optional<String> stackTemplateAssetObjectUrl) {

    public StackDeployment {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(templateFile, "templateFile");
        parameters = Map.copyOf(parameters);
        tags = Map.copyOf(tags);
        notificationArns = List.copyOf(notificationArns);
        Objects.requireNonNull(assumeRoleArn, "assumeRoleArn");
        Objects.requireNonNull(assumeRoleExternalId, "assumeRoleExternalId");
        Objects.requireNonNull(cloudFormationExecutionRoleArn, "cloudFormationExecutionRoleArn");
        dependencies = List.copyOf(dependencies);
        assetsManifests = List.copyOf(assetsManifests);
        Objects.requireNonNull(stackTemplateAssetObjectUrl, "stackTemplateAssetObjectUrl");
    }

    /** A builder with every optional field empty. */
    public static Builder builder(String artifactId, AwsEnvironment environment, Path templateFile) {
        return new Builder(artifactId, environment, templateFile);
    }

    /** Builder for the optional fields; not thread-safe. */
    public static final class Builder {
        private final String artifactId;
        private final AwsEnvironment environment;
        private final Path templateFile;
        private String stackName;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean terminationProtection;
        private final List<String> notificationArns = new ArrayList<>();
        private String assumeRoleArn;
        private String assumeRoleExternalId;
        private String executionRoleArn;
        private final List<String> dependencies = new ArrayList<>();
        private final List<Path> assetsManifests = new ArrayList<>();
        private String templateObjectUrl;

        private Builder(String artifactId, AwsEnvironment environment, Path templateFile) {
            this.artifactId = artifactId;
            this.environment = environment;
            this.templateFile = templateFile;
            this.stackName = artifactId;
        }

        public Builder stackName(String value) { this.stackName = value; return this; }
        public Builder parameters(Map<String, String> value) { parameters.putAll(value); return this; }
        public Builder tags(Map<String, String> value) { tags.putAll(value); return this; }
        public Builder terminationProtection(boolean value) { this.terminationProtection = value; return this; }
        public Builder notificationArns(List<String> value) { notificationArns.addAll(value); return this; }
        public Builder assumeRoleArn(String value) { this.assumeRoleArn = value; return this; }
        public Builder assumeRoleExternalId(String value) { this.assumeRoleExternalId = value; return this; }
        public Builder cloudFormationExecutionRoleArn(String value) { this.executionRoleArn = value; return this; }
        public Builder dependencies(List<String> value) { dependencies.addAll(value); return this; }
        public Builder assetsManifests(List<Path> value) { assetsManifests.addAll(value); return this; }
        public Builder stackTemplateAssetObjectUrl(String value) { this.templateObjectUrl = value; return this; }

        public StackDeployment build() {
            return new StackDeployment(artifactId, stackName, environment, templateFile, parameters, tags,
                    terminationProtection, notificationArns, Optional.ofNullable(assumeRoleArn),
                    Optional.ofNullable(assumeRoleExternalId), Optional.ofNullable(executionRoleArn),
                    dependencies, assetsManifests, Optional.ofNullable(templateObjectUrl));
        }
    }
}
