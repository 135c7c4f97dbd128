package io.cdkj.toolkit.deploy.assets;

import static io.cdkj.toolkit.assembly.ManifestJson.stringMap;
import static io.cdkj.toolkit.assembly.ManifestJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ManifestJson;
import io.cdkj.toolkit.assembly.Roles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code dockerImages} section of an asset manifest (the cloud assembly schema's
 * {@code DockerImageAsset}: source and destinations). Unknown fields are ignored. Stateless.
 */
final class DockerImageEntries {

    private DockerImageEntries() {
    }

    /**
     * @param section the {@code dockerImages} object
     * @param base    the manifest's directory: source directories are relative to it, commands run in it
     * @param file    the manifest, for messages
     */
    static List<DockerImageAsset> read(JsonNode section, Path base, Path file) {
        List<DockerImageAsset> images = new ArrayList<>();
        for (Map.Entry<String, JsonNode> image : section.properties()) {
            String id = image.getKey();
            JsonNode node = image.getValue();
            List<DockerImageDestination> destinations = new ArrayList<>();
            for (Map.Entry<String, JsonNode> d : node.path("destinations").properties()) {
                destinations.add(destination(id, d.getKey(), d.getValue(), file));
            }
            images.add(new DockerImageAsset(id, text(node, "displayName"), source(id, node.path("source"), base, file),
                    destinations));
        }
        return images;
    }

    private static DockerImageSource source(String id, JsonNode source, Path base, Path file) {
        boolean directory = source.hasNonNull("directory");
        boolean executable = source.hasNonNull("executable");
        if (directory == executable) {
            throw invalid(id, file, "needs exactly one of source.directory and source.executable");
        }
        if (executable) {
            List<String> command = ManifestJson.strings(source.get("executable"));
            if (command.isEmpty()) {
                throw invalid(id, file, "has an empty source.executable");
            }
            return new DockerImageSource.Executable(command, base);
        }
        DockerBuildOptions.Builder options = DockerBuildOptions.builder();
        text(source, "dockerFile").ifPresent(options::dockerFile);
        stringMap(source.path("dockerBuildArgs")).forEach(options::buildArg);
        text(source, "dockerBuildTarget").ifPresent(options::buildTarget);
        stringMap(source.path("dockerBuildSecrets")).forEach(options::buildSecret);
        text(source, "dockerBuildSsh").ifPresent(options::buildSsh);
        text(source, "networkMode").ifPresent(options::networkMode);
        text(source, "platform").ifPresent(options::platform);
        source.path("dockerOutputs").forEach(output -> options.output(output.asText()));
        source.path("cacheFrom").forEach(cache -> options.cacheFrom(cache(cache)));
        if (source.hasNonNull("cacheTo")) {
            options.cacheTo(cache(source.get("cacheTo")));
        }
        options.cacheDisabled(source.path("cacheDisabled").asBoolean(false));
        stringMap(source.path("dockerBuildContexts")).forEach(options::buildContext);
        return new DockerImageSource.Directory(base.resolve(source.get("directory").asText()), options.build());
    }

    private static DockerImageDestination destination(String assetId, String id, JsonNode d, Path file) {
        if (!d.hasNonNull("repositoryName") || !d.hasNonNull("imageTag")) {
            throw invalid(assetId, file, "destination " + id + " needs repositoryName and imageTag");
        }
        return new DockerImageDestination(id, d.get("repositoryName").asText(), d.get("imageTag").asText(),
                text(d, "region"), Roles.read(d, "assumeRoleArn", "assumeRoleExternalId"));
    }

    private static DockerCacheOption cache(JsonNode node) {
        return new DockerCacheOption(node.path("type").asText(), stringMap(node.path("params")));
    }

    private static ToolkitException invalid(String id, Path file, String what) {
        return new ToolkitException(ErrorCode.ASSEMBLY, "Docker image asset " + id + " in " + file + " " + what
                + " (synthesize the app again with a matching CDK version)");
    }
}
