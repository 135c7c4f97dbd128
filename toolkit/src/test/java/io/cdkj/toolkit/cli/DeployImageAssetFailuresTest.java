package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.DockerExtension;
import io.cdkj.localaws.LocalDocker;
import io.cdkj.localaws.LocalRegistry;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.localaws.WireMockEcr;
import io.cdkj.toolkit.testing.DockerWrapper;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Image asset failures through {@code cdkj deploy --all --plugin assume-role} of the pre-synthesized
 * {@code ImageAssetApp} assembly (copied per test with a new asset id, so no image built or pushed by
 * another test counts): a failed build, a missing container tool and a refused registry login each stop the stacks
 * before CloudFormation is asked to change anything (the approval gate only reads the deployed stacks), with one line naming the asset and destination, and the exit code of
 * the failure. ECR is {@link WireMockEcr} (moto's repository URIs are not loopback); the engine and the
 * registry are local-aws's.
 */
@ExtendWith({MotoExtension.class, DockerExtension.class, SecretGuard.class})
class DeployImageAssetFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV = Walkthrough.DEV_ACCOUNT;
    private static final String PROD = Walkthrough.PROD_ACCOUNT;
    /** The image's asset id in the pre-synthesized assembly. */
    private static final String ORIGINAL_ID = "d65b757495f35d559ec6e51934a923ce55c5d2643e65506197608c42e7da00aa";

    @TempDir
    Path work;

    private static MotoServer moto;
    private static WireMockEcr ecr;
    private static String dockerHost;
    private DockerWrapper docker;
    private Path assembly;

    @BeforeAll
    static void start(MotoServer server, LocalDocker engine, LocalRegistry registry) {
        moto = server;
        dockerHost = engine.dockerHost();
        ecr = WireMockEcr.start(registry);
        SecretGuard.register(registry.password());
        SecretGuard.register(ecr.authorizationToken());
    }

    @AfterAll
    static void stop() {
        ecr.close();
    }

    @BeforeEach
    void copyAssembly() throws IOException {
        docker = DockerWrapper.create(Files.createDirectories(work.resolve("tools")));
        assembly = work.resolve("cdk.out");
        String id = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        copy(source(), assembly, ORIGINAL_ID, id);
        ecr.repository(DEV, "us-east-2", "cdk-hnb659fds-container-assets-111111111111-us-east-2");
        ecr.repository(PROD, "us-east-1", "cdk-hnb659fds-container-assets-333333333333-us-east-1");
        ecr.handOutRefusedTokens(false);
        AwsCallLog.global().reset();
    }

    @Test
    void deploy_badDockerfile_failsTheStackNamingAssetDestinationAndDockersError_dependentSkipped_nothingDeployed()
            throws IOException {
        // given: the image's COPY names a file that is not there, and prod depends on dev
        Files.writeString(imageDirectory().resolve("Dockerfile"), "FROM scratch\nCOPY missing-file.txt /\n");
        ObjectNode manifest = (ObjectNode) JSON.readTree(assembly.resolve("manifest.json").toFile());
        ((ArrayNode) manifest.path("artifacts").path("prodImageApp").withArray("dependencies")).add("devImageApp");
        JSON.writeValue(assembly.resolve("manifest.json").toFile(), manifest);

        // when
        CliHarness.Run run = deploy(docker.script().toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        assertThat(run.err()).contains("devImageApp | FAILED after", "Cannot publish docker image asset Image to"
                + " 111111111111/us-east-2: Cannot build docker image asset Image from ", "missing-file.txt");
        assertThat(run.out()).contains("❌ devImageApp failed", "⏭ prodImageApp");
        assertThat(docker.invocations("build")).hasSize(1);
        assertThat(docker.invocations("push")).isEmpty();
        assertNoChangeReachedCloudFormation();
    }

    @Test
    void deploy_cdkDockerNamesNoProgram_failsInOneLineNamingCdkDocker_exit2() {
        CliHarness.Run run = deploy("/nonexistent/docker");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Error: Could not deploy devImageApp, prodImageApp: Cannot publish docker image"
                + " asset Image to ", "CDK_DOCKER=/nonexistent/docker names no executable program");
        assertNoChangeReachedCloudFormation();
    }

    @Test
    void deploy_registryRefusesTheLogin_failsNamingDestinationAndDockersError_exit6() throws IOException {
        ecr.handOutRefusedTokens(true);

        CliHarness.Run run = deploy(docker.script().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.err()).contains("Cannot push docker image asset Image to 111111111111/us-east-2 (",
                "login exited with code 1", "401 Unauthorized");
        assertThat(docker.invocations("push")).isEmpty();
        assertNoChangeReachedCloudFormation();
    }

    private CliHarness.Run deploy(String containerTool) {
        AwsSessionCredentials pipeline = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        SecretGuard.register(pipeline.secretAccessKey());
        CliHarness cli = new CliHarness(work, work).env("PATH", System.getenv("PATH")).env("HOME", work.toString())
                .env("AWS_REGION", "us-east-1").env("CDK_DOCKER", containerTool).env("DOCKER_HOST", dockerHost);
        try (AwsSystemProperties caller = AwsSystemProperties.caller(moto.endpoint(), pipeline, "us-east-1");
                AwsSystemProperties ecrEndpoint = AwsSystemProperties.serviceEndpoint("Ecr", ecr.endpoint())) {
            return cli.run("deploy", "--all", "--plugin", "assume-role", "--app", assembly.toString());
        }
    }

    private Path imageDirectory() throws IOException {
        try (Stream<Path> entries = Files.list(assembly)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("asset.")).findFirst().orElseThrow();
        }
    }

    private static Path source() {
        try {
            return Path.of(DeployImageAssetFailuresTest.class.getResource("/assemblies/image-app").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the assembly with the asset id {@code oldId} replaced by {@code newId} in names and contents. */
    private static void copy(Path from, Path to, String oldId, String newId) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString().replace(oldId, newId));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.writeString(target, Files.readString(file).replace(oldId, newId));
                }
            }
        }
    }

    /** The approval gate reads the deployed stacks first (DescribeStacks, GetTemplate); nothing else may reach CloudFormation. */
    private static void assertNoChangeReachedCloudFormation() {
        assertThat(AwsCallLog.global().calls()).noneMatch(c -> c.service().equals("CloudFormation")
                && !c.operation().equals("DescribeStacks") && !c.operation().equals("GetTemplate"));
    }
}
