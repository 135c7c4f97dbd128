package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class LocalAwsMainTest {

  @TempDir
  Path dir;

  @Test
  void run_walkthroughProfile_reachesPipelineCallerWhoReadsEachAccountsSeed() throws Exception {
    // given
    try (Running running = Running.start("--port", "0", "--seed", "walkthrough", "--aws-dir", dir.toString())) {
      Map<String, String> env = running.exports();
      assertThat(env).containsKeys("AWS_ENDPOINT_URL", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE");

      // when: the SDK's default chain resolves the profile chain in the written files
      Map<String, String> props = new HashMap<>();
      props.put("aws.configFile", env.get("AWS_CONFIG_FILE"));
      props.put("aws.sharedCredentialsFile", env.get("AWS_SHARED_CREDENTIALS_FILE"));
      props.put("aws.profile", env.get("AWS_PROFILE"));
      props.put(AwsSystemProperties.ENDPOINT_URL, env.get("AWS_ENDPOINT_URL"));
      props.put(AwsSystemProperties.REGION, null);
      props.put(AwsSystemProperties.ACCESS_KEY_ID, null);
      props.put(AwsSystemProperties.SECRET_ACCESS_KEY, null);
      props.put(AwsSystemProperties.SESSION_TOKEN, null);
      GetCallerIdentityResponse identity;
      Credentials dev;
      try (var scope = AwsSystemProperties.set(props);
           DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
           StsClient sts = StsClient.builder().credentialsProvider(chain).build()) {
        identity = sts.getCallerIdentity();
        dev = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/cdk-readOnlyRole").roleSessionName("t"))
            .credentials();
      }

      // then
      assertThat(identity.account()).isEqualTo(Walkthrough.SHARED_SERVICES_ACCOUNT);
      assertThat(identity.arn()).contains(":assumed-role/pipeline/");
      URI endpoint = URI.create(env.get("AWS_ENDPOINT_URL"));
      assertThat(parameter(endpoint, sessionCredentials(dev), Walkthrough.DEV_REGION))
          .isEqualTo(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
      String secretLine = Files.readAllLines(Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"))).stream()
          .filter(l -> l.startsWith("aws_secret_access_key")).findFirst().orElseThrow();
      assertThat(running.stdout()).doesNotContain(secretLine.substring(secretLine.indexOf('=') + 1).trim());
    }
  }

  @Test
  void run_webIdentity_defaultChainReachesPipelineCaller() throws Exception {
    try (Running running = Running.start("--port", "0", "--aws-dir", dir.toString(), "--web-identity")) {
      Map<String, String> env = running.exports();
      assertThat(env).containsEntry("AWS_ROLE_ARN", Walkthrough.PIPELINE_ROLE_ARN).doesNotContainKey("AWS_PROFILE");

      Map<String, String> props = new HashMap<>();
      props.put("aws.roleArn", env.get("AWS_ROLE_ARN"));
      props.put("aws.webIdentityTokenFile", env.get("AWS_WEB_IDENTITY_TOKEN_FILE"));
      props.put("aws.roleSessionName", env.get("AWS_ROLE_SESSION_NAME"));
      props.put(AwsSystemProperties.ENDPOINT_URL, env.get("AWS_ENDPOINT_URL"));
      props.put(AwsSystemProperties.REGION, env.get("AWS_REGION"));
      props.put(AwsSystemProperties.ACCESS_KEY_ID, null);
      props.put(AwsSystemProperties.SECRET_ACCESS_KEY, null);
      props.put(AwsSystemProperties.SESSION_TOKEN, null);
      try (var scope = AwsSystemProperties.set(props);
           DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
           StsClient sts = StsClient.builder().credentialsProvider(chain).build()) {
        assertThat(sts.getCallerIdentity().arn())
            .startsWith("arn:aws:sts::" + Walkthrough.SHARED_SERVICES_ACCOUNT + ":assumed-role/pipeline/");
      }
      assertThat(AwsCallLog.global().count("Sts", "AssumeRoleWithWebIdentity")).isPositive();
    }
  }

  @Test
  void run_laptop_writesSsoProfilesWhosePortalGrantsCredentialsInEachAccount() throws Exception {
    Path home = dir.resolve("laptop");
    try (Running running = Running.start("--port", "0", "--aws-dir", dir.resolve("aws").toString(), "--laptop",
        home.toString())) {
      Map<String, String> env = running.exports();
      assertThat(running.stdout()).contains("# laptop HOME=" + home.toAbsolutePath());
      String config = Files.readString(home.resolve(".aws/config"));
      assertThat(config).contains("[sso-session cdkj-laptop]", "[profile dev]", "sso_account_id = 111111111111",
          "[profile prod]", "sso_account_id = 333333333333");

      // the portal grants the cached token's role credentials, which act in the profile's account
      String tokenFile = Files.readString(SsoTokenCache.file(home, LaptopProfiles.SESSION));
      String token = tokenFile.replaceAll("(?s).*\"accessToken\": \"([^\"]+)\".*", "$1");
      software.amazon.awssdk.services.sso.model.RoleCredentials granted;
      try (var sso = software.amazon.awssdk.services.sso.SsoClient.builder()
          .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_SSO"))).region(Region.US_EAST_1)
          .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()).build()) {
        granted = sso.getRoleCredentials(r -> r.accessToken(token).accountId(Walkthrough.PROD_ACCOUNT)
            .roleName("AdministratorAccess")).roleCredentials();
      }
      try (StsClient sts = StsClient.builder().endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL")))
          .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
              software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(granted.accessKeyId(),
                  granted.secretAccessKey(), granted.sessionToken()))).build()) {
        assertThat(sts.getCallerIdentity().account()).isEqualTo(Walkthrough.PROD_ACCOUNT);
      }
      assertThat(running.stdout()).doesNotContain(token, granted.secretAccessKey());
    }
  }

  @Test
  void run_latency_putsTheCountingProxyInFrontOfTheSeededMoto() throws Exception {
    try (Running running = Running.start("--port", "0", "--seed", "walkthrough", "--aws-dir", dir.toString(),
        "--latency", "5")) {
      // given: the printed endpoint is the proxy's
      URI endpoint = URI.create(running.exports().get("AWS_ENDPOINT_URL"));
      assertThat(running.stdout()).contains("# latency proxy at " + endpoint + ": +5 ms per request");
      AwsCredentials dev;
      try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(MotoServer.shared().rootKeys())).build()) {
        dev = sessionCredentials(sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/cdk-readOnlyRole")
            .roleSessionName("t")).credentials());
      }

      // when
      String message = parameter(endpoint, dev, Walkthrough.DEV_REGION);
      String calls = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          endpoint.resolve(LatencyProxy.ADMIN + "calls")).build(), HttpResponse.BodyHandlers.ofString()).body();

      // then: the seed went to moto directly; the calls through the proxy are counted per account
      assertThat(message).isEqualTo(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
      assertThat(calls).isEqualTo("ssm\tGetParameter\t111111111111\t1\n"
          + "sts\tAssumeRole\t" + MotoServer.DEFAULT_ACCOUNT + "\t1\n");
    }
  }

  @Test
  void run_stdinClosed_stopsMoto() throws Exception {
    // given
    Running running = Running.start("--port", "0", "--aws-dir", dir.toString());
    URI endpoint = URI.create(running.exports().get("AWS_ENDPOINT_URL"));

    // when
    running.close();

    // then
    assertThat(running.exitCode()).isZero();
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  @Test
  void run_badOption_exits2NamingIt() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LocalAwsMain.run(new String[] {"--port", "http"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), java.io.InputStream.nullInputStream());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be 0..65535, got 'http'");
    assertThat(LocalAwsMain.run(new String[] {"--latency", "-1"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), java.io.InputStream.nullInputStream())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--latency must be 0..60000 milliseconds, got '-1'");
  }

  private static AwsCredentials sessionCredentials(Credentials c) {
    return software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
        c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  private static String parameter(URI endpoint, AwsCredentials caller, String region) {
    try (SsmClient ssm = SsmClient.builder().endpointOverride(endpoint).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(caller)).build()) {
      return ssm.getParameter(r -> r.name(Walkthrough.PARAMETER_NAME)).parameter().value();
    }
  }

  /** LocalAwsMain.run on a thread, fed by a pipe whose closing ends the run. */
  private static final class Running implements AutoCloseable {
    private final PipedOutputStream stdin = new PipedOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit;

    private Running(String... args) throws IOException {
      PipedInputStream in = new PipedInputStream(stdin);
      PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
      exit = CompletableFuture.supplyAsync(() -> LocalAwsMain.run(args, out, out, in));
    }

    static Running start(String... args) throws Exception {
      Running running = new Running(args);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!running.stdout().contains("# stop with")) {
        if (running.exit.isDone() || System.nanoTime() > deadline) {
          throw new AssertionError("LocalAwsMain did not come up: " + running.stdout());
        }
        Thread.sleep(50);
      }
      return running;
    }

    String stdout() {
      return stdout.toString(StandardCharsets.UTF_8);
    }

    Map<String, String> exports() {
      Map<String, String> env = new LinkedHashMap<>();
      stdout().lines().filter(l -> l.startsWith("export ")).forEach(l -> {
        String assignment = l.substring("export ".length());
        env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
      });
      return env;
    }

    int exitCode() throws Exception {
      return exit.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
      stdin.close();
      exitCode();
    }
  }
}
