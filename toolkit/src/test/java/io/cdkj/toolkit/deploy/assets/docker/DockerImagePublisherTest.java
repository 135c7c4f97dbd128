package io.cdkj.toolkit.deploy.assets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.DockerExtension;
import io.cdkj.localaws.LocalDocker;
import io.cdkj.localaws.LocalRegistry;
import io.cdkj.localaws.WireMockEcr;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.deploy.assets.DockerBuildOptions;
import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import io.cdkj.toolkit.deploy.assets.DockerImageSource;
import io.cdkj.toolkit.testing.DockerWrapper;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The image publisher against a real dockerd and registry (local-aws {@link DockerExtension}), with ECR
 * played by {@link WireMockEcr} (moto's ECR hands out repository URIs and a proxy endpoint that are not
 * loopback, and its DescribeImages does not see what a registry received). The container tool is a
 * {@code CDK_DOCKER} wrapper script that logs every invocation (counting builds, logins and pushes) and
 * can hold pushes at a barrier, which proves they overlap.
 */
@ExtendWith({DockerExtension.class, SecretGuard.class})
class DockerImagePublisherTest {

    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final String REGION = "us-east-1";
    private static final Map<String, AwsBasicCredentials> KEYS = Map.of(
            DEV, AwsBasicCredentials.create("AKIAIMAGEDEV00000001", "devSecretKey/ImagePublisherTest0000000000"),
            PROD, AwsBasicCredentials.create("AKIAIMAGEPROD0000001", "prodSecretKey/ImagePublisherTest000000000"));

    private static WireMockEcr ecr;
    private static AwsSystemProperties ecrEndpoint;

    @TempDir
    Path work;

    private LocalDocker docker;
    private LocalRegistry registry;
    private DockerWrapper wrapper;
    private Map<String, String> variables;
    private final StringWriter progress = new StringWriter();
    private AwsClientFactory clients;

    @BeforeAll
    static void startEcr(LocalRegistry registry) {
        ecr = WireMockEcr.start(registry);
        ecrEndpoint = AwsSystemProperties.serviceEndpoint("Ecr", ecr.endpoint());
        KEYS.forEach((account, key) -> {
            AwsCallLog.global().learn(key.accessKeyId(), account);
            SecretGuard.register(key.secretAccessKey());
        });
        SecretGuard.register(registry.password());
        SecretGuard.register(ecr.authorizationToken());
    }

    @AfterAll
    static void stopEcr() {
        ecrEndpoint.close();
        ecr.close();
    }

    @BeforeEach
    void setUp(LocalDocker docker, LocalRegistry registry) throws IOException {
        this.docker = docker;
        this.registry = registry;
        wrapper = DockerWrapper.create(work);
        variables = new HashMap<>(docker.environment());
        variables.put("PATH", System.getenv("PATH"));
        variables.put("CDK_DOCKER", wrapper.script().toString());
        Files.createDirectories(work.resolve("home/.docker"));
        Files.writeString(work.resolve("home/.docker/config.json"), "{\"auths\": {}}");
        Files.createDirectories(work.resolve("tmp"));
        clients = new AwsClientFactory();
        ecr.resetRequests();
    }

    @AfterEach
    void checkOutput() throws IOException {
        clients.close();
        SecretGuard.checkOutput(progress.toString());
        SecretGuard.checkOutput(wrapper.log());
    }

    @Test
    void publish_oneImageToTwoAccounts_buildsOnce_andPushesToBothAtOnce() throws Exception {
        // given
        DockerImageAsset asset = directoryAsset(context("FROM scratch\nCOPY hello.txt /hello.txt\n"));
        List<ImageTarget> targets = List.of(target(asset, DEV), target(asset, PROD));
        variables.putAll(wrapper.pushBarrier(2));

        // when
        ImagePublishResult result = publish(AssetConcurrency.DEFAULT, asset, targets);

        // then
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o).isInstanceOf(DestinationOutcome.Pushed.class));
        assertThat(wrapper.invocations("build")).hasSize(1);
        assertThat(wrapper.invocations("push")).hasSize(2);
        assertThat(wrapper.invocations("login")).hasSize(2);
        assertThat(wrapper.log()).contains("push-config-has-auths").doesNotContain("push barrier");
        assertThat(ecr.requestsFor("GetAuthorizationToken")).isEqualTo(2);
        for (ImageTarget target : targets) {
            assertThat(registry.tags(target.repositoryName())).containsExactly(asset.id());
        }
        assertThat(progress.toString())
                .contains("app | image " + asset.id() + ": building ")
                .contains("pushing to 111111111111/us-east-1", "pushing to 333333333333/us-east-1")
                .containsPattern("pushed to 333333333333/us-east-1 in \\d+\\.\\ds");
    }

    @Test
    void publish_again_alreadyPresent_skipsBuildLoginAndPush() throws Exception {
        DockerImageAsset asset = directoryAsset(context("FROM scratch\nCOPY hello.txt /hello.txt\n"));
        List<ImageTarget> targets = List.of(target(asset, DEV));
        publish(AssetConcurrency.DEFAULT, asset, targets);
        int tokens = ecr.requestsFor("GetAuthorizationToken");
        wrapper.clearLog();

        ImagePublishResult again = publish(AssetConcurrency.DEFAULT, asset, targets);

        assertThat(again.outcomes()).singleElement().isInstanceOf(DestinationOutcome.AlreadyPresent.class);
        assertThat(wrapper.log()).isEmpty();
        assertThat(ecr.requestsFor("GetAuthorizationToken")).isEqualTo(tokens);
        assertThat(progress.toString()).contains("image " + asset.id() + ": already present in 111111111111/us-east-1");
    }

    @Test
    void publish_localImageFromAnEarlierRun_isReusedWithoutBuilding() throws Exception {
        DockerImageAsset asset = directoryAsset(context("FROM scratch\nCOPY hello.txt /hello.txt\n"));
        publish(AssetConcurrency.DEFAULT, asset, List.of(target(asset, DEV)));
        wrapper.clearLog();

        ImagePublishResult result = publish(AssetConcurrency.DEFAULT, asset, List.of(target(asset, PROD)));

        assertThat(result.succeeded()).isTrue();
        assertThat(wrapper.invocations("build")).isEmpty();
        assertThat(wrapper.invocations("inspect")).containsExactly("inspect " + asset.localTag());
        assertThat(registry.tags(target(asset, PROD).repositoryName())).containsExactly(asset.id());
        assertThat(progress.toString()).contains("using the local image " + asset.localTag());
    }

    @Test
    void publish_badDockerfile_failsEachDestinationNamingAssetDestinationAndDockersLastLines() throws Exception {
        DockerImageAsset asset = directoryAsset(context("FROM scratch\nCOPY missing-file.txt /\n"));
        List<ImageTarget> targets = List.of(target(asset, DEV), target(asset, PROD));

        ImagePublishResult result = publish(AssetConcurrency.DEFAULT, asset, targets);

        assertThat(result.failures()).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.error().code()).isEqualTo(ErrorCode.APP);
            assertThat(failure.error().getMessage())
                    .startsWith("Cannot publish docker image asset " + asset.id() + " to " + failure.target().label()
                            + ": Cannot build docker image asset " + asset.id() + " from ")
                    .contains("build exited with code 1: ")
                    .contains("missing-file.txt")
                    .doesNotContain("\n");
        });
        assertThat(wrapper.invocations("build")).hasSize(1);
        assertThat(wrapper.invocations("push")).isEmpty();
        assertThat(registry.tags(targets.get(0).repositoryName())).isEmpty();
    }

    @Test
    void publish_cdkDockerNamesAMissingTool_failsInOneLineNamingCdkDocker() throws Exception {
        DockerImageAsset asset = directoryAsset(context("FROM scratch\nCOPY hello.txt /hello.txt\n"));
        variables.put("CDK_DOCKER", work.resolve("no-such-docker").toString());

        ImagePublishResult result = publish(AssetConcurrency.DEFAULT, asset, List.of(target(asset, DEV)));

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.error().code()).isEqualTo(ErrorCode.USAGE);
            assertThat(failure.error().getMessage()).contains("CDK_DOCKER=" + work.resolve("no-such-docker")
                    + " names no executable program").doesNotContain("\n");
        });
    }

    @Test
    void publish_executableSource_pushesTheImageItsCommandPrinted() throws Exception {
        // given a command that builds with docker itself (as Jib would without a daemon) and prints the tag
        Path context = context("FROM scratch\nCOPY hello.txt /hello.txt\n");
        Path script = work.resolve("build-image.sh");
        Files.writeString(script, "#!/bin/sh\nset -e\necho 'building with my own tool'\n"
                + "docker build --quiet --tag my-builder/app:$1 " + context + " >/dev/null\necho my-builder/app:$1\n");
        script.toFile().setExecutable(true);
        String id = randomId();
        DockerImageAsset asset = new DockerImageAsset(id, Optional.empty(),
                new DockerImageSource.Executable(List.of("./build-image.sh", id), work), List.of());

        // when
        ImagePublishResult result = publish(AssetConcurrency.DEFAULT, asset, List.of(target(asset, DEV)));

        // then
        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(wrapper.invocations("tag")).containsExactly("tag my-builder/app:" + id + " " + registry.host()
                + "/" + target(asset, DEV).repositoryName() + ":" + id);
        assertThat(registry.tags(target(asset, DEV).repositoryName())).containsExactly(id);
        assertThat(progress.toString()).contains("image " + id + ": built my-builder/app:" + id + " in ");
    }

    @Test
    void publish_boundsOfOne_neverOverlapPushesOrBuilds() throws Exception {
        DockerImageAsset first = directoryAsset(context("FROM scratch\nCOPY hello.txt /one.txt\n"));
        DockerImageAsset second = directoryAsset(context("FROM scratch\nCOPY hello.txt /two.txt\n"));
        variables.putAll(wrapper.overlapDetector());

        try (DockerImagePublisher publisher = publisher(new AssetConcurrency(1, 1))) {
            var a = publisher.publish("app", first, List.of(target(first, DEV), target(first, PROD)));
            var b = publisher.publish("app", second, List.of(target(second, DEV), target(second, PROD)));
            assertThat(a.get(3, TimeUnit.MINUTES).succeeded()).isTrue();
            assertThat(b.get(3, TimeUnit.MINUTES).succeeded()).isTrue();
        }

        assertThat(wrapper.invocations("push")).hasSize(4);
        assertThat(wrapper.invocations("build")).hasSize(2);
        assertThat(wrapper.log()).doesNotContain("OVERLAP");
    }

    @Test
    void close_removesTheTemporaryConfig_andNoTokenIsLeftInAnyFileOrOutput() throws Exception {
        DockerImageAsset asset = directoryAsset(context("FROM scratch\nCOPY hello.txt /hello.txt\n"));

        ImagePublishResult result = publish(AssetConcurrency.DEFAULT, asset, List.of(target(asset, DEV), target(asset, PROD)));

        assertThat(result.succeeded()).isTrue();
        assertThat(wrapper.log()).as("pushes used a logged-in config").contains("push-config-has-auths");
        try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
            assertThat(left).as("the run's docker config is gone").isEmpty();
        }
        assertThat(Files.readString(work.resolve("home/.docker/config.json"))).isEqualTo("{\"auths\": {}}");
        List<String> secrets = List.of(registry.password(), ecr.authorizationToken());
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(secrets).as("secrets in %s", file).noneMatch(text::contains);
            }
        }
        assertThat(secrets).noneMatch(progress.toString()::contains).noneMatch(result.toString()::contains);
    }

    private ImagePublishResult publish(AssetConcurrency concurrency, DockerImageAsset asset, List<ImageTarget> targets)
            throws Exception {
        try (DockerImagePublisher publisher = publisher(concurrency)) {
            return publisher.publish("app", asset, targets).get(3, TimeUnit.MINUTES);
        }
    }

    private DockerImagePublisher publisher(AssetConcurrency concurrency) {
        DockerEnvironment environment = new DockerEnvironment(ContainerTool.from(variables), variables,
                Optional.of(work.resolve("home/.docker")), work.resolve("tmp"));
        DestinationCredentials credentials = target -> StaticCredentialsProvider.create(KEYS.get(target.environment().account()));
        return new DockerImagePublisher(environment, credentials, clients, new ProgressLog(new PrintWriter(progress, true)),
                concurrency);
    }

    /** A repository per asset and account, as bootstrapping makes one per account and region. */
    private static ImageTarget target(DockerImageAsset asset, String account) {
        String repository = "container-assets-" + asset.id().toLowerCase() + "-" + account;
        ecr.repository(account, REGION, repository);
        return new ImageTarget(account + "-" + REGION, new AwsEnvironment(account, REGION), repository, asset.id(),
                Optional.empty(), CredentialSource.DEFAULT);
    }

    private Path context(String dockerfile) throws IOException {
        Path context = Files.createDirectories(work.resolve("context-" + randomId()));
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        Files.writeString(context.resolve("hello.txt"), "hello " + context.getFileName());
        return context;
    }

    private static DockerImageAsset directoryAsset(Path context) {
        return new DockerImageAsset(randomId(), Optional.empty(),
                new DockerImageSource.Directory(context, DockerBuildOptions.none()), List.of());
    }

    private static String randomId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "A" + HexFormat.of().formatHex(bytes);
    }
}
