package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The private dockerd, the registry with basic auth, and the ECR fixture, driven with the real docker
 * CLI and the real SDK ECR client.
 */
@ExtendWith(DockerExtension.class)
class LocalDockerTest {

  private static final String DEV = "111111111111";
  private static final String DEV_KEY = "AKIALOCALDOCKERDEV01";
  private static final String PROD_KEY = "AKIALOCALDOCKERPROD1";
  private static WireMockEcr ecr;

  @TempDir
  Path work;

  @BeforeAll
  static void start(LocalRegistry registry) {
    ecr = WireMockEcr.start(registry);
    AwsCallLog.global().learn(DEV_KEY, DEV);
    AwsCallLog.global().learn(PROD_KEY, "333333333333");
  }

  @AfterAll
  static void stop() {
    ecr.close();
  }

  @Test
  void dockerLoginWithTheEcrToken_thenPush_registryListsTheTag(LocalDocker docker, LocalRegistry registry)
      throws Exception {
    // given an image built FROM scratch, and the token ECR hands out
    String uri = ecr.repository(DEV, "us-east-1", "login-push");
    Files.writeString(work.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
    Files.writeString(work.resolve("hello.txt"), "hello");
    AuthorizationData auth;
    try (EcrClient client = ecr(DEV_KEY, "us-east-1")) {
      auth = client.getAuthorizationToken().authorizationData().get(0);
    }
    String[] userAndPassword = new String(Base64.getDecoder().decode(auth.authorizationToken()), StandardCharsets.UTF_8)
        .split(":", 2);
    Path config = Files.createDirectory(work.resolve("config"));

    // when
    Result build = docker(docker, null, "build", "--tag", uri + ":v1", work.toString());
    Result login = docker(docker, userAndPassword[1], "--config", config.toString(), "login", "--username",
        userAndPassword[0], "--password-stdin", auth.proxyEndpoint().replaceFirst("^https?://", ""));
    Result push = docker(docker, null, "--config", config.toString(), "push", uri + ":v1");

    // then
    assertThat(auth.proxyEndpoint()).isEqualTo("http://" + registry.host());
    assertThat(build.code()).as(build.output()).isZero();
    assertThat(login.code()).as(login.output()).isZero();
    assertThat(push.code()).as(push.output()).isZero();
    assertThat(registry.tags("login-push")).containsExactly("v1");
    assertThat(registry.digest("login-push", "v1")).hasValueSatisfying(d -> assertThat(d).startsWith("sha256:"));
  }

  @Test
  void dockerLogin_wrongPassword_isRefused_soLoginIsReallyExercised(LocalDocker docker, LocalRegistry registry) {
    Result login = docker(docker, "not-the-password", "--config", work.toString(), "login", "--username", "AWS",
        "--password-stdin", registry.host());

    assertThat(login.code()).isNotZero();
    assertThat(login.output()).contains("401 Unauthorized");
  }

  @Test
  void describeRepositoriesAndImages_seeOnlyTheCallersAccountAndRegion_andAskTheRegistry() {
    ecr.repository(DEV, "us-east-1", "visible-to-dev");

    try (EcrClient dev = ecr(DEV_KEY, "us-east-1"); EcrClient prod = ecr(PROD_KEY, "us-east-1");
        EcrClient devOtherRegion = ecr(DEV_KEY, "eu-west-1"); EcrClient stranger = ecr("AKIAUNKNOWNKEY000000", "us-east-1")) {
      assertThat(dev.describeRepositories(r -> r.repositoryNames("visible-to-dev")).repositories().get(0)
          .repositoryUri()).matches("127\\.0\\.0\\.1:\\d+/visible-to-dev");
      assertThatThrownBy(() -> prod.describeRepositories(r -> r.repositoryNames("visible-to-dev")))
          .isInstanceOf(RepositoryNotFoundException.class).hasMessageContaining("333333333333");
      assertThatThrownBy(() -> devOtherRegion.describeRepositories(r -> r.repositoryNames("visible-to-dev")))
          .isInstanceOf(RepositoryNotFoundException.class);
      assertThatThrownBy(() -> dev.describeImages(r -> r.repositoryName("visible-to-dev")
          .imageIds(i -> i.imageTag("nope")))).isInstanceOf(ImageNotFoundException.class);
      assertThatThrownBy(stranger::getAuthorizationToken).isInstanceOfSatisfying(EcrException.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
    }
  }

  private static EcrClient ecr(String accessKeyId, String region) {
    return EcrClient.builder().endpointOverride(ecr.endpoint()).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "fixture-secret")))
        .build();
  }

  private record Result(int code, String output) {
  }

  private static Result docker(LocalDocker docker, String stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(docker.environment());
    try {
      Process process = builder.start();
      if (stdin != null) {
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
