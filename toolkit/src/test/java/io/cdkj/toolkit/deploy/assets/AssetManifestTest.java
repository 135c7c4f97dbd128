package io.cdkj.toolkit.deploy.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetManifestTest {

    @TempDir
    Path dir;

    @Test
    void read_fileAssets_resolvesSourceAndDestinations() throws Exception {
        Path file = dir.resolve("devSampleApp.assets.json");
        Files.writeString(file, """
                {"version":"48.0.0","files":{"abc123":{"displayName":"Code","source":{"path":"asset.abc123","packaging":"zip"},
                 "destinations":{"111111111111-us-east-2":{"bucketName":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}",
                 "objectKey":"abc123.zip","region":"us-east-2",
                 "assumeRoleArn":"arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-file-publishing-role-111111111111-us-east-2"}}}},
                 "dockerImages":{}}
                """);

        AssetManifest manifest = AssetManifest.read(file);

        assertThat(manifest.files()).singleElement().satisfies(asset -> {
            assertThat(asset.id()).isEqualTo("abc123");
            assertThat(asset.source()).isEqualTo(dir.toAbsolutePath().resolve("asset.abc123"));
            assertThat(asset.packaging()).isEqualTo("zip");
            assertThat(asset.destinations()).singleElement().satisfies(d -> {
                assertThat(d.objectKey()).isEqualTo("abc123.zip");
                assertThat(d.role()).hasValueSatisfying(role -> assertThat(role.arnTemplate()).contains("file-publishing-role"));
            });
        });
        assertThat(manifest.dockerImages()).isEmpty();
    }
}
