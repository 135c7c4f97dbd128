package io.cdkj.toolkit.assembly;

import static io.cdkj.toolkit.assembly.ManifestJson.integer;
import static io.cdkj.toolkit.assembly.ManifestJson.stringMap;
import static io.cdkj.toolkit.assembly.ManifestJson.strings;
import static io.cdkj.toolkit.assembly.ManifestJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a cloud assembly ({@code manifest.json}) written by any aws-cdk-lib 2.x. Reads the JSON tree
 * rather than binding to classes so that unknown fields and artifact types (schema 54 adds
 * {@code cdk:feature-flag-report}; later versions will add more) are skipped instead of failing.
 * Nested {@code cdk:cloud-assembly} artifacts (Stages) are followed, so their stacks and missing
 * context are found too.
 *
 * <p>Thread-safe and stateless.
 */
public final class AssemblyReader {

    /** File name of the manifest inside an assembly directory. */
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NESTING = 16;

    /**
     * Reads the assembly in {@code directory}.
     *
     * @throws ToolkitException with {@link ErrorCode#ASSEMBLY} naming the file when the manifest is
     *     missing, unreadable or not a cloud assembly
     */
    public CloudAssembly read(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        List<StackArtifact> stacks = new ArrayList<>();
        Map<String, MissingContext> missing = new LinkedHashMap<>();
        JsonNode manifest = readManifest(root);
        String version = manifest.path("version").asText("");
        collect(root, manifest, stacks, missing, 0);
        return new CloudAssembly(root, version, stacks, List.copyOf(missing.values()));
    }


    private void collect(Path dir, JsonNode manifest, List<StackArtifact> stacks,
                         Map<String, MissingContext> missing, int depth) {
        Path file = dir.resolve(MANIFEST);
        JsonNode artifacts = manifest.path("artifacts");
        Map<String, Path> assetManifests = new HashMap<>();
        Map<String, String> stackDisplayNames = new HashMap<>();
        artifacts.properties().forEach(e -> {
            String type = e.getValue().path("type").asText("");
            if (type.equals("cdk:asset-manifest")) {
                String assetFile = e.getValue().path("properties").path("file").asText("");
                if (!assetFile.isEmpty()) {
                    assetManifests.put(e.getKey(), dir.resolve(assetFile));
                }
            } else if (type.equals("aws:cloudformation:stack")) {
                stackDisplayNames.put(e.getKey(), e.getValue().path("displayName").asText(e.getKey()));
            }
        });
        List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
        artifacts.properties().forEach(e -> {
            String type = e.getValue().path("type").asText("");
            if (type.equals("aws:cloudformation:stack")) {
                stacks.add(stack(file, dir, e.getKey(), e.getValue(), assetManifests, stackDisplayNames));
            } else if (type.equals("cdk:cloud-assembly")) {
                nested.add(e);
            }
        });
        for (JsonNode entry : manifest.path("missing")) {
            MissingContext m = missingContext(file, entry);
            missing.putIfAbsent(m.key(), m);
        }
        for (Map.Entry<String, JsonNode> e : nested) {
            if (depth >= MAX_NESTING) {
                throw corrupt(file, "nested assemblies deeper than " + MAX_NESTING + " levels at '" + e.getKey() + "'");
            }
            String directoryName = e.getValue().path("properties").path("directoryName").asText("");
            if (directoryName.isEmpty()) {
                throw corrupt(file, "nested assembly '" + e.getKey() + "' has no properties.directoryName");
            }
            Path nestedDir = dir.resolve(directoryName).normalize();
            collect(nestedDir, readManifest(nestedDir), stacks, missing, depth + 1);
        }
    }

    private StackArtifact stack(Path file, Path dir, String id, JsonNode artifact,
                                Map<String, Path> assetManifests, Map<String, String> stackDisplayNames) {
        JsonNode props = artifact.path("properties");
        String template = props.path("templateFile").asText("");
        if (template.isEmpty()) {
            throw corrupt(file, "stack '" + id + "' has no properties.templateFile");
        }
        String envUri = artifact.path("environment").asText("");
        try {
            AwsEnvironment.parse(envUri);
        } catch (IllegalArgumentException e) {
            // The account and region become parts of ARNs, endpoints and messages: name the stack and the value.
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Stack '" + id + "' in " + file + " has environment '"
                    + envUri + "': " + e.getMessage() + ". Fix the stack's env in the app"
                    + " (Environment.builder().account(...).region(...)) and synthesize again.");
        }
        List<String> dependencies = strings(artifact.path("dependencies"));
        return StackArtifact.builder(id, envUri, dir.resolve(template).normalize())
                .displayName(artifact.path("displayName").asText(id))
                .stackName(props.path("stackName").asText(id))
                .parameters(stringMap(props.path("parameters")))
                .tags(stringMap(props.path("tags")))
                .terminationProtection(props.path("terminationProtection").asBoolean(false))
                .deployRole(Roles.read(props, "assumeRoleArn", "assumeRoleExternalId"))
                .cloudFormationExecutionRoleArn(text(props, "cloudFormationExecutionRoleArn"))
                .lookupRole(Roles.read(props.path("lookupRole"), "arn", "assumeRoleExternalId"))
                .requiresBootstrapStackVersion(integer(props, "requiresBootstrapStackVersion"))
                .bootstrapStackVersionSsmParameter(text(props, "bootstrapStackVersionSsmParameter"))
                .stackTemplateAssetObjectUrl(text(props, "stackTemplateAssetObjectUrl"))
                .dependencies(dependencies)
                .stackDependencies(dependencies.stream().filter(stackDisplayNames::containsKey)
                        .map(stackDisplayNames::get).toList())
                .assetManifests(dependencies.stream().filter(assetManifests::containsKey).map(assetManifests::get).toList())
                .notificationArns(strings(props.path("notificationArns")))
                .annotations(annotations(file, dir, artifact))
                .assemblyDirectory(dir)
                .build();
    }

    private List<Annotation> annotations(Path file, Path dir, JsonNode artifact) {
        List<Annotation> result = new ArrayList<>();
        addAnnotations(artifact.path("metadata"), result);
        String additional = artifact.path("additionalMetadataFile").asText("");
        if (!additional.isEmpty()) {
            addAnnotations(readJson(dir.resolve(additional), "additional metadata file"), result);
        }
        return result;
    }

    private static void addAnnotations(JsonNode metadata, List<Annotation> into) {
        metadata.properties().forEach(e -> {
            for (JsonNode entry : e.getValue()) {
                Annotation.Level level = Annotation.Level.ofMetadataType(entry.path("type").asText(""));
                JsonNode data = entry.path("data");
                if (level != null && !data.isMissingNode()) {
                    into.add(new Annotation(e.getKey(), level, data.isTextual() ? data.asText() : data.toString()));
                }
            }
        });
    }

    private MissingContext missingContext(Path file, JsonNode entry) {
        String key = entry.path("key").asText("");
        String provider = entry.path("provider").asText("");
        JsonNode props = entry.path("props");
        if (key.isEmpty() || provider.isEmpty() || !props.isObject()) {
            throw corrupt(file, "a 'missing' entry lacks key, provider or props: " + entry);
        }
        MissingContext missing = new MissingContext(key, provider, (ObjectNode) props);
        try {
            missing.environment();
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "the missing context entry '" + key + "' names a bad environment: " + e.getMessage());
        }
        return missing;
    }

    private static JsonNode readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cloud assembly manifest not found: " + file
                    + ". Check that the app synthesizes into the directory given by CDK_OUTDIR"
                    + " (call app.synth() at the end of main).");
        }
        JsonNode manifest = readJson(file, "cloud assembly manifest");
        if (!manifest.isObject() || !manifest.path("artifacts").isObject() && !manifest.path("artifacts").isMissingNode()) {
            throw corrupt(file, "not a cloud assembly manifest (expected an object with 'artifacts')");
        }
        JsonNode version = manifest.path("version");
        SchemaVersion.check(file, version.isTextual() ? version.asText() : "");
        return manifest;
    }

    private static JsonNode readJson(Path file, String what) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Corrupt " + what + " " + file + ": "
                    + JsonInput.describe(e) + ". Delete the output directory and synthesize again.", e);
        } catch (NoSuchFileException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot find " + what + " " + file
                    + ". Delete the output directory and synthesize again.", e);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static ToolkitException corrupt(Path file, String detail) {
        return new ToolkitException(ErrorCode.ASSEMBLY, "Corrupt cloud assembly manifest " + file + ": " + detail
                + ". Delete the output directory and synthesize again.");
    }
}
