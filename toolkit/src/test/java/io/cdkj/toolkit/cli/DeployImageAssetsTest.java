package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.DockerExtension;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.LocalDocker;
import io.cdkj.localaws.LocalRegistry;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.localaws.WireMockEcr;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.DockerWrapper;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Done means for docker image assets: {@code cdkj deploy --all --plugin assume-role} of sample-app's
 * {@code ImageAssetApp} (a real CDK Java app with one {@code DockerImageAsset}, {@code FROM scratch},
 * in a dev and a prod stack, {@code DefaultStackSynthesizer}) from the shared-services pipeline. moto
 * plays STS, SSM and CloudFormation (the DefaultStackSynthesizer's bootstrap version parameter is seeded,
 * as {@code cdk bootstrap} would leave it); ECR is {@link WireMockEcr} (moto's repository URIs and proxy
 * endpoint are not loopback) in front of local-aws's registry; the image is built by a private dockerd
 * through a {@code CDK_DOCKER} wrapper that counts builds. One jsii synth, then a second deploy of the
 * same assembly; the tests assert on both.
 */
@ExtendWith({MotoExtension.class, DockerExtension.class, SecretGuard.class})
class DeployImageAssetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV = Walkthrough.DEV_ACCOUNT;
    private static final String PROD = Walkthrough.PROD_ACCOUNT;
    private static final String DEV_REPOSITORY = "cdk-hnb659fds-container-assets-111111111111-us-east-2";
    private static final String PROD_REPOSITORY = "cdk-hnb659fds-container-assets-333333333333-us-east-1";

    @TempDir
    static Path project;
    @TempDir
    static Path home;
    @TempDir
    static Path tools;

    private static MotoServer moto;
    private static LocalRegistry registry;
    private static WireMockEcr ecr;
    private static DockerWrapper docker;
    private static CliHarness.Run first;
    private static CliHarness.Run second;
    private static List<String> firstInvocations;
    private static String firstLog;
    private static String assetId;

    @BeforeAll
    static void deployTwice(MotoServer server, LocalDocker engine, LocalRegistry localRegistry) throws IOException {
        moto = server;
        registry = localRegistry;
        moto.reset();
        for (var env : List.of(List.of(DEV, "us-east-2"), List.of(PROD, "us-east-1"))) {
            LocalAwsSeeder.in(moto, env.get(0), env.get(1)).ssmParameter("/cdk-bootstrap/hnb659fds/version", "30");
        }
        ecr = WireMockEcr.start(registry);
        ecr.repository(DEV, "us-east-2", DEV_REPOSITORY);
        ecr.repository(PROD, "us-east-1", PROD_REPOSITORY);
        SecretGuard.register(registry.password());
        SecretGuard.register(ecr.authorizationToken());
        docker = DockerWrapper.create(tools);
        Files.writeString(project.resolve("cdk.json"), JSON.writeValueAsString(Map.of(
                "app", ReactorApps.sampleApp("io.cdkj.sample.ImageAssetApp"),
                "context", Map.of("imageDirectory", ReactorApps.repositoryRoot().resolve("sample-app/image").toString()))));
        AwsSessionCredentials pipeline = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        SecretGuard.register(pipeline.secretAccessKey());
        SecretGuard.register(pipeline.sessionToken());
        CliHarness cli = new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString())
                .env("AWS_REGION", "us-east-1").env("CDK_DOCKER", docker.script().toString())
                .env("DOCKER_HOST", engine.dockerHost());
        try (AwsSystemProperties caller = AwsSystemProperties.caller(moto.endpoint(), pipeline, "us-east-1");
                AwsSystemProperties ecrEndpoint = AwsSystemProperties.serviceEndpoint("Ecr", ecr.endpoint())) {
            first = cli.run("deploy", "--all", "--plugin", "assume-role");
            firstInvocations = List.copyOf(docker.invocations("build"));
            firstLog = docker.log();
            docker.clearLog();
            second = cli.run("deploy", "--all", "--plugin", "assume-role", "--app", "cdk.out");
        }
        JsonNode manifest = JSON.readTree(project.resolve("cdk.out/devImageApp.assets.json").toFile());
        assetId = manifest.path("dockerImages").fieldNames().next();
    }

    @AfterAll
    static void stop() {
        ecr.close();
    }

    @Test
    void deploy_pushesTheImageToEachAccountsRepository_andDeploysBothStacks() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("✅ devImageApp deployed", "✅ prodImageApp deployed");
        assertThat(registry.tags(DEV_REPOSITORY)).containsExactly(assetId);
        assertThat(registry.tags(PROD_REPOSITORY)).containsExactly(assetId);
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", "/cdkj/sample/image-uri")).isPresent();
        assertThat(AccountView.parameter(moto, PROD, "us-east-1", "/cdkj/sample/image-uri")).isPresent();
    }

    @Test
    void deploy_buildsTheSharedImageOnce_andLogsInOncePerAccount() {
        assertThat(firstInvocations).as("docker build invocations").hasSize(1);
        assertThat(firstLog.lines().filter(l -> l.startsWith("push "))).hasSize(2);
        assertThat(firstLog.lines().filter(l -> l.startsWith("login "))).hasSize(2);
        assertThat(firstLog).as("no secret on a docker command line").doesNotContain(registry.password());
    }

    @Test
    void deploy_publishesWithEachDestinationsImagePublishingRole_onTopOfTheWriteRole() {
        assertThat(ecr.callers("GetAuthorizationToken")).containsExactlyInAnyOrder(
                DEV + " cdk-hnb659fds-image-publishing-role-111111111111-us-east-2",
                PROD + " cdk-hnb659fds-image-publishing-role-333333333333-us-east-1");
        assertThat(AwsCallLog.global().accountsFor("CloudFormation", "ExecuteChangeSet")).contains(DEV, PROD);
    }

    @Test
    void deploy_imagesArePushedBeforeTheirStackDeploys_withProgressAndTimes() {
        String err = first.err();
        assertThat(err).contains("devImageApp | image Image: pushing to 111111111111/us-east-2",
                "prodImageApp | image Image: pushing to 333333333333/us-east-1");
        // the one build is reported by whichever stack asked for the image first
        assertThat(err).containsPattern("(devImageApp|prodImageApp) \\| image Image: building ")
                .containsPattern("(devImageApp|prodImageApp) \\| image Image: built in \\d+\\.\\ds")
                .containsPattern("prodImageApp \\| image Image: pushed to 333333333333/us-east-1 in \\d+\\.\\ds");
        assertThat(err.indexOf("image Image: pushed to 111111111111/us-east-2"))
                .isLessThan(err.indexOf("devImageApp | deploying to aws://111111111111/us-east-2"));
        assertThat(err.indexOf("image Image: pushed to 333333333333/us-east-1"))
                .isLessThan(err.indexOf("prodImageApp | deploying to aws://333333333333/us-east-1"));
    }

    @Test
    void deployAgain_imageAlreadyPresentInBoth_nothingBuiltOrPushed_stacksUnchanged() throws IOException {
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("devImageApp | image Image: already present in 111111111111/us-east-2",
                "prodImageApp | image Image: already present in 333333333333/us-east-1");
        assertThat(docker.log()).isEmpty();
        assertThat(second.out()).contains("✅ devImageApp (no changes", "✅ prodImageApp (no changes");
    }

    @Test
    void deploy_leavesNoTokenInAnyFileOrOutput_andNoTemporaryDockerConfig() throws IOException {
        List<String> secrets = List.of(registry.password(), ecr.authorizationToken());
        for (CliHarness.Run run : List.of(first, second)) {
            assertThat(secrets).noneMatch(run.all()::contains);
        }
        for (Path root : List.of(project, home, tools)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(secrets).as("secrets in %s", file).noneMatch(text::contains);
                }
            }
        }
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temporary.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("cdkj-docker-config-"));
        }
    }
}
