package io.cdkj.toolkit.deploy.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker image section of asset manifests, through {@link AssetManifest#read}. */
class DockerImageEntriesTest {

    @TempDir
    Path dir;

    @Test
    void read_directorySource_everyBuildOptionAndDestinationField() throws Exception {
        Path file = write("""
                {"version":"48.0.0","files":{},"dockerImages":{"0a1B2c":{"displayName":"Web image",
                 "source":{"directory":"asset.0a1B2c","dockerFile":"Dockerfile.prod","dockerBuildArgs":{"B":"2","A":"1"},
                  "dockerBuildTarget":"runtime","dockerBuildSecrets":{"npmrc":"src=.npmrc"},"dockerBuildSsh":"default",
                  "networkMode":"host","platform":"linux/arm64","dockerOutputs":["type=docker"],
                  "cacheFrom":[{"type":"registry","params":{"ref":"r:main","mode":"max"}}],"cacheTo":{"type":"inline"},
                  "cacheDisabled":true,"dockerBuildContexts":{"shared":"../shared"},"someFutureField":1},
                 "destinations":{"111111111111-us-east-2":{"repositoryName":"cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}",
                  "imageTag":"0a1B2c","region":"us-east-2",
                  "assumeRoleArn":"arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-image-publishing-role-111111111111-us-east-2",
                  "assumeRoleExternalId":"ext-1","assumeRoleAdditionalOptions":{"Tags":[{"Key":"team","Value":"web"}]}}}}}}
                """);

        DockerImageAsset image = AssetManifest.read(file).dockerImages().get(0);

        assertThat(image.id()).isEqualTo("0a1B2c");
        assertThat(image.label()).isEqualTo("Web image");
        assertThat(image.localTag()).isEqualTo("cdkasset-0a1b2c");
        assertThat(image.source()).isInstanceOfSatisfying(DockerImageSource.Directory.class, source -> {
            assertThat(source.directory()).isEqualTo(dir.toAbsolutePath().resolve("asset.0a1B2c"));
            DockerBuildOptions o = source.options();
            assertThat(o.dockerFile()).hasValue("Dockerfile.prod");
            assertThat(o.buildArgs()).containsExactly(Map.entry("B", "2"), Map.entry("A", "1"));
            assertThat(o.buildTarget()).hasValue("runtime");
            assertThat(o.buildSecrets()).containsExactly(Map.entry("npmrc", "src=.npmrc"));
            assertThat(o.buildSsh()).hasValue("default");
            assertThat(o.networkMode()).hasValue("host");
            assertThat(o.platform()).hasValue("linux/arm64");
            assertThat(o.outputs()).containsExactly("type=docker");
            assertThat(o.cacheFrom()).singleElement().satisfies(c -> assertThat(c.flagValue()).isEqualTo("type=registry,ref=r:main,mode=max"));
            assertThat(o.cacheTo()).hasValueSatisfying(c -> assertThat(c.flagValue()).isEqualTo("type=inline"));
            assertThat(o.cacheDisabled()).isTrue();
            assertThat(o.buildContexts()).containsExactly(Map.entry("shared", "../shared"));
        });
        assertThat(image.destinations()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("111111111111-us-east-2");
            assertThat(d.repositoryName()).isEqualTo("cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}");
            assertThat(d.imageTag()).isEqualTo("0a1B2c");
            assertThat(d.region()).hasValue("us-east-2");
            assertThat(d.role()).hasValueSatisfying(role -> {
                assertThat(role.arnTemplate()).contains("image-publishing-role");
                assertThat(role.externalId()).hasValue("ext-1");
                assertThat(role.options().tags()).containsExactly(Map.entry("team", "web"));
            });
        });
    }

    @Test
    void read_executableSource_runsInTheManifestsDirectory() throws Exception {
        Path file = write("""
                {"version":"48.0.0","dockerImages":{"e1":{"source":{"executable":["./build-image.sh","--quiet"]},
                 "destinations":{"d":{"repositoryName":"repo","imageTag":"e1"}}}}}
                """);

        DockerImageAsset image = AssetManifest.read(file).dockerImages().get(0);

        assertThat(image.label()).isEqualTo("e1");
        assertThat(image.displayName()).isEqualTo(Optional.empty());
        assertThat(image.source()).isEqualTo(new DockerImageSource.Executable(
                java.util.List.of("./build-image.sh", "--quiet"), dir.toAbsolutePath()));
        assertThat(image.destinations().get(0).region()).isEmpty();
    }

    @Test
    void read_bothOrNeitherSource_failsNamingAssetAndFile() throws Exception {
        Path neither = write("""
                {"version":"48.0.0","dockerImages":{"bad1":{"source":{},"destinations":{}}}}
                """);

        assertThatThrownBy(() -> AssetManifest.read(neither))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSEMBLY))
                .hasMessageContaining("Docker image asset bad1 in " + neither)
                .hasMessageContaining("needs exactly one of source.directory and source.executable");
    }

    @Test
    void read_destinationWithoutTag_fails() throws Exception {
        Path file = write("""
                {"version":"48.0.0","dockerImages":{"bad2":{"source":{"directory":"d"},"destinations":{"x":{"repositoryName":"r"}}}}}
                """);

        assertThatThrownBy(() -> AssetManifest.read(file)).hasMessageContaining("destination x needs repositoryName and imageTag");
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("app.assets.json"), json);
    }
}
