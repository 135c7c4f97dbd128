package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

@ExtendWith(MotoExtension.class)
class LatencyProxyTest {

  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private LatencyProxy proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void requests_reachTheTargetAndAreCountedPerServiceOperationAndAccount(MotoServer moto) {
    // given
    proxy = LatencyProxy.start(moto.endpoint(), Duration.ofMillis(100), delays::add);
    LocalAwsSeeder.in(moto, "111111111111", "us-east-2").ssmParameter("/proxy/test", "through the proxy");

    // when: a role chain as the toolkit does it, then one call of each protocol in the target account
    AwsSessionCredentials dev;
    try (StsClient sts = sts(moto.rootKeys())) {
      var assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/lookup").roleSessionName("t"))
          .credentials();
      dev = AwsSessionCredentials.create(assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken());
    }
    String value;
    try (SsmClient ssm = SsmClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_2)
        .credentialsProvider(StaticCredentialsProvider.create(dev)).build();
         Ec2Client ec2 = Ec2Client.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_2)
             .credentialsProvider(StaticCredentialsProvider.create(dev)).build()) {
      value = ssm.getParameter(r -> r.name("/proxy/test")).parameter().value();
      ec2.describeAvailabilityZones();
    }
    try (StsClient sts = sts(dev)) {
      sts.getCallerIdentity();
    }

    // then
    assertThat(value).isEqualTo("through the proxy");
    AwsCallLog calls = proxy.calls();
    assertThat(calls.count("sts", "AssumeRole", MotoServer.DEFAULT_ACCOUNT)).isEqualTo(1);
    assertThat(calls.count("ssm", "GetParameter", "111111111111")).isEqualTo(1);
    assertThat(calls.count("ec2", "DescribeAvailabilityZones", "111111111111")).isEqualTo(1);
    assertThat(calls.count("sts", "GetCallerIdentity", "111111111111")).isEqualTo(1);
    assertThat(calls.calls()).hasSize(4).allMatch(c -> !c.accessKeyId().equals(AwsCall.UNKNOWN));
    assertThat(delays).hasSize(4).containsOnly(Duration.ofMillis(100));
  }

  @Test
  void unsignedWebIdentityCall_isCountedAsSts(MotoServer moto) {
    proxy = LatencyProxy.start(moto.endpoint(), Duration.ZERO, delays::add);

    try (StsClient sts = StsClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
      sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::222222222222:role/pipeline")
          .roleSessionName("ci").webIdentityToken("token"));
    }

    assertThat(proxy.calls().count("sts", "AssumeRoleWithWebIdentity")).isEqualTo(1);
  }

  @Test
  void gate_concurrentRequests_openIt(MotoServer moto) throws Exception {
    // given: eight callers at once; each AssumeRole is held until all eight are in flight
    proxy = LatencyProxy.start(moto.endpoint(), Duration.ZERO, delays::add);
    ProxyGate gate = proxy.gate("sts", "AssumeRole", 8, Duration.ofSeconds(30));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      // when
      List<CompletableFuture<Void>> calls = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
        try (StsClient sts = sts(moto.rootKeys())) {
          sts.assumeRole(r -> r.roleArn("arn:aws:iam::11111111111" + i + ":role/r").roleSessionName("s"));
        }
      }, pool)).toList();
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

      // then
      assertThat(gate.opened()).isTrue();
      assertThat(proxy.maxInFlight()).isGreaterThanOrEqualTo(8);
      assertThat(proxy.calls().count("sts", "AssumeRole")).isEqualTo(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void gate_sequentialRequests_leaveItClosed(MotoServer moto) {
    // given: two calls one after the other can never be in flight together
    proxy = LatencyProxy.start(moto.endpoint(), Duration.ZERO, delays::add);
    ProxyGate gate = proxy.gate("sts", "AssumeRole", 2, Duration.ofMillis(200));

    // when
    try (StsClient sts = sts(moto.rootKeys())) {
      sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/r").roleSessionName("s"));
      sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/r").roleSessionName("s"));
    }

    // then
    assertThat(gate.opened()).isFalse();
    assertThat(gate.arrived()).isEqualTo(2);
  }

  @Test
  void adminEndpoints_listCountsResetAndSetTheDelay(MotoServer moto) throws Exception {
    // given
    proxy = LatencyProxy.start(moto.endpoint(), Duration.ZERO, delays::add);
    try (StsClient sts = sts(moto.rootKeys())) {
      sts.getCallerIdentity();
      sts.getCallerIdentity();
    }
    HttpClient http = HttpClient.newHttpClient();

    // when
    String calls = http.send(HttpRequest.newBuilder(admin("calls")).build(), HttpResponse.BodyHandlers.ofString()).body();
    int delay = http.send(HttpRequest.newBuilder(admin("delay?ms=25")).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    int reset = http.send(HttpRequest.newBuilder(admin("reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
    try (StsClient sts = sts(moto.rootKeys())) {
      sts.getCallerIdentity();
    }

    // then
    assertThat(calls).isEqualTo("sts\tGetCallerIdentity\t" + MotoServer.DEFAULT_ACCOUNT + "\t2\n");
    assertThat(delay).isEqualTo(204);
    assertThat(reset).isEqualTo(204);
    assertThat(proxy.calls().calls()).hasSize(1);
    assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMillis(25));
  }

  private URI admin(String command) {
    return proxy.endpoint().resolve(LatencyProxy.ADMIN + command);
  }

  @Test
  void throttle_answersTheNextStsRequestsWithStsThrottlingAndCountsThem(MotoServer moto) {
    // given
    proxy = LatencyProxy.start(moto.endpoint(), Duration.ZERO, delays::add);
    ProxyThrottle throttle = proxy.throttle("GetCallerIdentity", 2);

    // when: one attempt per call, so each throttled answer reaches the caller
    List<Boolean> throttled = new CopyOnWriteArrayList<>();
    String account;
    try (StsClient sts = StsClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(moto.rootKeys()))
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build()) {
      for (int i = 0; i < 2; i++) {
        try {
          sts.getCallerIdentity();
          throttled.add(false);
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
          throttled.add(e.isThrottlingException() && "Throttling".equals(e.awsErrorDetails().errorCode()));
        }
      }
      account = sts.getCallerIdentity().account();
    }

    // then
    assertThat(throttled).containsExactly(true, true);
    assertThat(account).isNotBlank();
    assertThat(throttle.throttled()).isEqualTo(2);
    assertThat(proxy.calls().count("sts", "GetCallerIdentity")).isEqualTo(3);
  }

  private StsClient sts(AwsCredentials credentials) {
    return StsClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
  }
}
