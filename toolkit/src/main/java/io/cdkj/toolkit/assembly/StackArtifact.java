package io.cdkj.toolkit.assembly;

import java.nio.file.Path;
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
 * @param environment                       where it deploys
 * @param templateFile                      absolute path of the template
 * @param parameters                        CloudFormation parameters set at synth
 * @param tags                              stack tags
 * @param terminationProtection             whether termination protection is on
 * @param assumeRoleArn                     role to deploy with (may contain {@code ${AWS::Partition}})
 * @param assumeRoleExternalId              its external ID
 * @param cloudFormationExecutionRoleArn    role CloudFormation runs as
 * @param lookupRole                        role for reading the environment during deploy
 * @param requiresBootstrapStackVersion     minimum bootstrap stack version
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
        StackEnvironment environment,
        Path templateFile,
        Map<String, String> parameters,
        Map<String, String> tags,
        boolean terminationProtection,
        Optional<String> assumeRoleArn,
        Optional<String> assumeRoleExternalId,
        Optional<String> cloudFormationExecutionRoleArn,
        Optional<BootstrapRole> lookupRole,
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
        Objects.requireNonNull(assumeRoleArn, "assumeRoleArn");
        Objects.requireNonNull(assumeRoleExternalId, "assumeRoleExternalId");
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

    /** The errors among {@link #annotations()}. */
    public List<Annotation> errors() {
        return annotations.stream().filter(a -> a.level() == Annotation.Level.ERROR).toList();
    }
}
