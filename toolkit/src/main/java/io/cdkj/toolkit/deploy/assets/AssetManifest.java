package io.cdkj.toolkit.deploy.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ManifestJson;
import io.cdkj.toolkit.assembly.Roles;
import io.cdkj.toolkit.access.RoleToAssume;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a cloud assembly asset manifest ({@code *.assets.json}) the deploy engine uses.
 * Unknown fields are ignored so newer CDK versions keep working.
 *
 * @param file         the manifest file; asset source paths are relative to its directory
 * @param files        file assets
 * @param dockerImages docker image assets
 *
 * <p>Immutable.
 */
public record AssetManifest(Path file, List<FileAsset> files, List<DockerImageAsset> dockerImages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AssetManifest {
        Objects.requireNonNull(file, "file");
        files = List.copyOf(files);
        dockerImages = List.copyOf(dockerImages);
    }

    /** A file or directory to upload to S3. {@code packaging} is {@code file} or {@code zip}. */
    public record FileAsset(String id, Path source, String packaging, List<FileDestination> destinations) {
        public FileAsset {
            destinations = List.copyOf(destinations);
        }
    }

    /**
     * Where a file asset goes; names may hold {@code ${AWS::AccountId}}-style placeholders.
     *
     * @param role the publishing role to write with ({@code assumeRoleArn}, its external ID and options)
     */
    public record FileDestination(String bucketName, String objectKey, Optional<String> region,
            Optional<RoleToAssume> role) {
    }

    /**
     * Reads {@code file}.
     *
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the file when it cannot be read or parsed
     */
    public static AssetManifest read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot read asset manifest " + file + ": "
                    + JsonInput.describe(e) + " (synthesize the app again)", e);
        }
        Path base = file.toAbsolutePath().getParent();
        List<FileAsset> files = new ArrayList<>();
        for (Map.Entry<String, JsonNode> asset : root.path("files").properties()) {
            JsonNode source = asset.getValue().path("source");
            if (!source.hasNonNull("path")) {
                throw new ToolkitException(ErrorCode.ASSEMBLY, "File asset " + asset.getKey() + " in " + file
                        + " has no source path; assets built by a command (executable) are not supported yet");
            }
            List<FileDestination> destinations = new ArrayList<>();
            for (Map.Entry<String, JsonNode> d : asset.getValue().path("destinations").properties()) {
                JsonNode dest = d.getValue();
                destinations.add(new FileDestination(dest.path("bucketName").asText(), dest.path("objectKey").asText(),
                        ManifestJson.text(dest, "region"), Roles.read(dest, "assumeRoleArn", "assumeRoleExternalId")));
            }
            files.add(new FileAsset(asset.getKey(), base.resolve(source.path("path").asText()),
                    source.path("packaging").asText("file"), destinations));
        }
        return new AssetManifest(file, files, DockerImageEntries.read(root.path("dockerImages"), base, file));
    }
}
