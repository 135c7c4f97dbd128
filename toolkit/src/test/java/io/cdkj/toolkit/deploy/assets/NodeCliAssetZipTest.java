package io.cdkj.toolkit.deploy.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.cli.CliHarness;
import io.cdkj.toolkit.testing.NodeCdkCli;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The zip of a directory asset is the same whichever tool publishes it: {@code sample-app}'s
 * {@code DirectoryAssetApp} (a directory with an executable {@code bootstrap}) is synthesized once by
 * cdkj; the real Node CDK CLI publishes its assets ({@code cdk publish-assets}) to moto, then — the
 * object removed again — {@code cdkj deploy} publishes them and deploys the stack. Both objects are
 * compared byte for byte, and cdkj's is unzipped to check the file modes.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class NodeCliAssetZipTest {

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "us-east-2";
    private static final String BUCKET = "cdk-hnb659fds-assets-" + ACCOUNT + "-" + REGION;

    @TempDir
    static Path project;
    @TempDir
    static Path home;
    @TempDir
    static Path work;

    private static final AwsClientFactory CLIENTS = new AwsClientFactory();
    private static S3Client s3;
    private static NodeCdkCli.Run nodePublish;
    private static byte[] nodeZip;
    private static CliHarness.Run cdkjDeploy;
    private static byte[] cdkjZip;
    private static String key;

    @BeforeAll
    static void publishWithBothTools(MotoServer moto) throws IOException {
        NodeCdkCli node = NodeCdkCli.require();
        AwsSessionCredentials caller = moto.callerIn(ACCOUNT);
        SecretGuard.register(caller.secretAccessKey());
        SecretGuard.register(caller.sessionToken());
        s3 = CLIENTS.create(S3Client.builder(), StaticCredentialsProvider.create(caller), REGION);
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        Path asset = lambdaDirectory();
        Files.writeString(project.resolve("cdk.json"), new ObjectMapper().writeValueAsString(Map.of(
                "app", ReactorApps.sampleApp("io.cdkj.sample.DirectoryAssetApp"),
                "context", Map.of("assetDirectory", asset.toString(), "assetAccount", ACCOUNT))));
        CliHarness cdkj = new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString());
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller)) {
            CliHarness.Run synth = cdkj.run("synth", "-q");
            assertThat(synth.exitCode()).as(synth.err()).isZero();

            nodePublish = node.run(project, Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION", REGION,
                    "AWS_ACCESS_KEY_ID", caller.accessKeyId(), "AWS_SECRET_ACCESS_KEY", caller.secretAccessKey(),
                    "AWS_SESSION_TOKEN", caller.sessionToken()),
                    "publish-assets", "--unstable=publish-assets", "--app", "cdk.out", "--all");
            key = zipKey();
            nodeZip = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
            s3.deleteObject(r -> r.bucket(BUCKET).key(key));

            cdkjDeploy = cdkj.run("deploy", "--app", "cdk.out", "DirectoryAsset");
            cdkjZip = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
        }
    }

    @AfterAll
    static void closeClients() {
        CLIENTS.close();
    }

    private static Path lambdaDirectory() throws IOException {
        Path asset = Files.createDirectories(work.resolve("lambda"));
        Files.writeString(asset.resolve("bootstrap"), "#!/bin/sh\nset -eu\nexec ./lib/handler.sh \"$@\"\n");
        Files.setPosixFilePermissions(asset.resolve("bootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(asset.resolve("lib/vendor"));
        Files.writeString(asset.resolve("lib/handler.sh"), "echo '{\"statusCode\": 200}'\n");
        // enough text for the two zlib implementations' matches to differ, had the JDK's been used
        StringBuilder large = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            large.append("line ").append(i).append(": the quick brown fox jumps over the lazy dog ").append(i * 7919 % 1000)
                    .append('\n');
        }
        Files.writeString(asset.resolve("lib/vendor/data.txt"), large);
        Files.writeString(asset.resolve(".env"), "MODE=test\n");
        return asset;
    }

    private static String zipKey() {
        return s3.listObjectsV2(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key)
                .filter(k -> k.endsWith(".zip")).findFirst()
                .orElseThrow(() -> new AssertionError("the Node CLI published no zip:\n" + nodePublish.output()));
    }

    @Test
    void publish_bothTools_succeed() {
        assertThat(nodePublish.exitCode()).as(nodePublish.output()).isZero();
        assertThat(cdkjDeploy.exitCode()).as(cdkjDeploy.err()).isZero();
        assertThat(cdkjDeploy.err()).contains("asset ", "published to s3://" + BUCKET + "/" + key);
    }

    @Test
    void publish_directoryAsset_byteIdenticalZips() {
        assertThat(cdkjZip).as("cdkj's zip of the asset").isEqualTo(nodeZip);
    }

    @Test
    void publish_executableFile_extractsWithMode0755() throws Exception {
        // given
        assumeThat(DeterministicZipTest.onPath("unzip")).as("unzip on PATH").isTrue();
        Path zip = Files.write(work.resolve("published.zip"), cdkjZip);
        Path out = Files.createDirectories(work.resolve("extracted"));

        // when
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", out.toString()).inheritIO().start();
        assertThat(unzip.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(unzip.exitValue()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("bootstrap"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("lib/handler.sh"))))
                .isEqualTo("rw-r--r--");
        assertThat(out.resolve(".env")).hasContent("MODE=test");
    }
}
