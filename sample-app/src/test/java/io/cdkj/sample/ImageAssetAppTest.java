package io.cdkj.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** Synthesizes the image app once and reads the asset manifests the toolkit publishes from. */
class ImageAssetAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    private static JsonNode dev;
    private static JsonNode prod;

    @BeforeAll
    static void synthesizeOnce() throws IOException {
        Path image = Path.of("image").toAbsolutePath();
        App app = new App(AppProps.builder().outdir(out.toString()).context(Map.of("imageDirectory", image.toString())).build());
        ImageAssetApp.build(app);
        app.synth();
        dev = JSON.readTree(Files.readString(out.resolve("devImageApp.assets.json")));
        prod = JSON.readTree(Files.readString(out.resolve("prodImageApp.assets.json")));
    }

    @Test
    void synth_bothStacks_shareOneImageAsset_withADestinationInEachAccount() {
        String id = dev.path("dockerImages").fieldNames().next();

        assertThat(prod.path("dockerImages").has(id)).as("the same image (same id) in both stacks").isTrue();
        JsonNode devDestination = dev.path("dockerImages").path(id).path("destinations").elements().next();
        assertThat(devDestination.path("repositoryName").asText()).isEqualTo("cdk-hnb659fds-container-assets-111111111111-us-east-2");
        assertThat(devDestination.path("imageTag").asText()).isEqualTo(id);
        assertThat(devDestination.path("assumeRoleArn").asText())
                .isEqualTo("arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-image-publishing-role-111111111111-us-east-2");
        JsonNode prodDestination = prod.path("dockerImages").path(id).path("destinations").elements().next();
        assertThat(prodDestination.path("repositoryName").asText()).isEqualTo("cdk-hnb659fds-container-assets-333333333333-us-east-1");
    }

    @Test
    void synth_imageSource_isTheStagedDirectory() {
        JsonNode source = dev.path("dockerImages").elements().next().path("source");

        assertThat(source.path("directory").asText()).startsWith("asset.");
        assertThat(out.resolve(source.path("directory").asText()).resolve("Dockerfile")).exists();
    }
}
