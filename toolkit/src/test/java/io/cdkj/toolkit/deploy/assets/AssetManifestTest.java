package io.cdkj.toolkit.deploy.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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

    @Test
    void write_sameContentDifferentTimes_identicalBytesSortedEntries() throws Exception {
        Path a = dir.resolve("a");
        Files.createDirectories(a.resolve("sub"));
        Files.writeString(a.resolve("z.txt"), "z");
        Files.writeString(a.resolve("sub/b.txt"), "b");
        byte[] first = zip(a);
        Files.setLastModifiedTime(a.resolve("z.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        byte[] second = zip(a);

        assertThat(second).isEqualTo(first);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(first))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("sub/b.txt", "z.txt");
    }

    private static byte[] zip(Path directory) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZip.write(directory, out);
        return out.toByteArray();
    }
}
