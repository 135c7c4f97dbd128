package io.cdkj.toolkit.assembly;

import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.access.StackNames;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A CloudFormation stack in the cloud assembly ({@code aws:cloudformation:stack} artifact), from the
 * top-level assembly or a nested Stage assembly. Everything deploy needs, with file references
 * resolved to absolute paths.
 *
 * <p>Immutable.
 *
 * @param id                                artifact id, unique within its assembly
 * @param displayName                       hierarchical id users type ({@code Stage/Stack}); the id for top-level stacks
 * @param stackName                         the CloudFormation stack name
 * @param environment                       where it deploys, as written ({@code aws://ACCOUNT/REGION}, possibly
 *                                          with the CDK's {@code unknown-account}/{@code unknown-region})
 * @param templateFile                      absolute path of the template
 * @param parameters                        CloudFormation parameters set at synth
 * @param tags                              stack tags
 * @param terminationProtection             whether termination protection is on
 * @param deployRole                        role to deploy with ({@code assumeRoleArn} and its external ID and options)
 * @param cloudFormationExecutionRoleArn    role CloudFormation runs as (may contain pseudo parameters)
 * @param lookupRole                        role for reading the environment (diff, lookups)
 * @param requiresBootstrapStackVersion     minimum bootstrap stack version of the deploy role
 * @param bootstrapStackVersionSsmParameter where that version is stored
 * @param stackTemplateAssetObjectUrl       S3 URL of the template once its asset is published
 * @param dependencies                      artifact ids this stack depends on (stacks and asset manifests)
 * @param stackDependencies                 display names of the stacks among {@link #dependencies()}
 * @param assetManifests                    absolute paths of the {@code *.assets.json} this stack depends on
 * @param notificationArns                  SNS topics for stack events
 * @param annotations                       errors/warnings/info the app attached to this stack's constructs
 * @param assemblyDirectory                 the (nested) assembly directory holding this stack
 */
public record StackArtifact(
        String id,
        String displayName,
        String stackName,
        String environment,
        Path templateFile,
        Map<String, String> parameters,
        Map<String, String> tags,
        boolean terminationProtection,
        Optional<RoleToAssume> deployRole,
        Optional<String> cloudFormationExecutionRoleArn,
        Optional<RoleToAssume> lookupRole,
        OptionalInt requiresBootstrapStackVersion,
        Optional<String> bootstrapStackVersionSsmParameter,
        Optional<String> stackTemplateAssetObjectUrl,
        List<String> dependencies,
        List<String> stackDependencies,
        List<Path> assetManifests,
        List<String> notificationArns,
        List<Annotation> annotations,
        Path assemblyDirectory) {

    public StackArtifact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(templateFile, "templateFile");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(deployRole, "deployRole");
        Objects.requireNonNull(cloudFormationExecutionRoleArn, "cloudFormationExecutionRoleArn");
        Objects.requireNonNull(lookupRole, "lookupRole");
        Objects.requireNonNull(requiresBootstrapStackVersion, "requiresBootstrapStackVersion");
        Objects.requireNonNull(bootstrapStackVersionSsmParameter, "bootstrapStackVersionSsmParameter");
        Objects.requireNonNull(stackTemplateAssetObjectUrl, "stackTemplateAssetObjectUrl");
        dependencies = List.copyOf(dependencies);
        stackDependencies = List.copyOf(stackDependencies);
        assetManifests = List.copyOf(assetManifests);
        notificationArns = List.copyOf(notificationArns);
        annotations = List.copyOf(annotations);
        Objects.requireNonNull(assemblyDirectory, "assemblyDirectory");
    }

    /** The concrete environment; empty for an environment-agnostic stack. */
    public Optional<AwsEnvironment> concreteEnvironment() {
        return AwsEnvironment.parse(environment);
    }

    /** The names {@code cdkj:credentials} entries may use for this stack. */
    public StackNames names() {
        return new StackNames(id, displayName, stackName);
    }

    /** The errors among {@link #annotations()}. */
    public List<Annotation> errors() {
        return annotations.stream().filter(a -> a.level() == Annotation.Level.ERROR).toList();
    }

    /**
     * A builder for a stack whose display name and stack name are {@code id}, in the template file's
     * directory, with every optional field empty.
     */
    public static Builder builder(String id, String environment, Path templateFile) {
        return new Builder(id, environment, templateFile);
    }

    /** Builds a {@link StackArtifact}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String environment;
        private final Path templateFile;
        private String displayName;
        private String stackName;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean terminationProtection;
        private Optional<RoleToAssume> deployRole = Optional.empty();
        private Optional<String> executionRoleArn = Optional.empty();
        private Optional<RoleToAssume> lookupRole = Optional.empty();
        private OptionalInt requiresBootstrapStackVersion = OptionalInt.empty();
        private Optional<String> bootstrapStackVersionSsmParameter = Optional.empty();
        private Optional<String> templateObjectUrl = Optional.empty();
        private final List<String> dependencies = new ArrayList<>();
        private final List<String> stackDependencies = new ArrayList<>();
        private final List<Path> assetManifests = new ArrayList<>();
        private final List<String> notificationArns = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private Path assemblyDirectory;

        private Builder(String id, String environment, Path templateFile) {
            this.id = id;
            this.environment = environment;
            this.templateFile = templateFile;
            this.displayName = id;
            this.stackName = id;
            this.assemblyDirectory = templateFile.toAbsolutePath().getParent();
        }

        public Builder displayName(String value) { displayName = value; return this; }
        public Builder stackName(String value) { stackName = value; return this; }
        public Builder parameters(Map<String, String> value) { parameters.putAll(value); return this; }
        public Builder tags(Map<String, String> value) { tags.putAll(value); return this; }
        public Builder terminationProtection(boolean value) { terminationProtection = value; return this; }
        public Builder deployRole(Optional<RoleToAssume> value) { deployRole = value; return this; }
        public Builder cloudFormationExecutionRoleArn(Optional<String> value) { executionRoleArn = value; return this; }
        public Builder lookupRole(Optional<RoleToAssume> value) { lookupRole = value; return this; }
        public Builder requiresBootstrapStackVersion(OptionalInt value) { requiresBootstrapStackVersion = value; return this; }
        public Builder bootstrapStackVersionSsmParameter(Optional<String> value) { bootstrapStackVersionSsmParameter = value; return this; }
        public Builder stackTemplateAssetObjectUrl(Optional<String> value) { templateObjectUrl = value; return this; }
        public Builder dependencies(List<String> value) { dependencies.addAll(value); return this; }
        public Builder stackDependencies(List<String> value) { stackDependencies.addAll(value); return this; }
        public Builder assetManifests(List<Path> value) { assetManifests.addAll(value); return this; }
        public Builder notificationArns(List<String> value) { notificationArns.addAll(value); return this; }
        public Builder annotations(List<Annotation> value) { annotations.addAll(value); return this; }
        public Builder assemblyDirectory(Path value) { assemblyDirectory = value; return this; }

        public StackArtifact build() {
            return new StackArtifact(id, displayName, stackName, environment, templateFile, parameters, tags,
                    terminationProtection, deployRole, executionRoleArn, lookupRole, requiresBootstrapStackVersion,
                    bootstrapStackVersionSsmParameter, templateObjectUrl, dependencies, stackDependencies,
                    assetManifests, notificationArns, annotations, assemblyDirectory);
        }
    }
}
