package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class WireMockAwsTest {

  private static final String ROLE = "arn:aws:iam::111111111111:role/cdk-readOnlyRole";
  private static final String CALLER = "arn:aws:sts::222222222222:assumed-role/pipeline/ci";
  private static WireMockAws wireMock;

  @BeforeAll
  static void start() {
    wireMock = WireMockAws.start();
  }

  @AfterAll
  static void stop() {
    wireMock.close();
  }

  @BeforeEach
  void reset() {
    wireMock.reset();
    AwsCallLog.global().reset();
  }

  @Test
  void stubAssumeRoleAccessDenied_sdkSeesStsAccessDeniedNamingRoleAndCaller() {
    // given
    wireMock.stubAssumeRoleAccessDenied(ROLE, CALLER);

    // when / then
    try (StsClient sts = sts(false)) {
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s")))
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + CALLER
                + " is not authorized to perform: sts:AssumeRole on resource: " + ROLE);
            assertThat(e.requestId()).isNotBlank();
          });
    }
    assertThat(wireMock.requestsFor("AssumeRole")).isEqualTo(1);
    assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).isEqualTo(1);
  }

  @Test
  void stubAssumeRoleThrottledThenOk_sdkRetriesThenGetsCredentials() {
    // given
    wireMock.stubAssumeRoleThrottledThenOk(ROLE, "AKIAWIREMOCKTHROTTLE", 2);

    // when
    AssumeRoleResponse response;
    try (StsClient sts = sts(true)) {
      response = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s"));
    }

    // then
    assertThat(response.credentials().accessKeyId()).isEqualTo("AKIAWIREMOCKTHROTTLE");
    assertThat(response.assumedRoleUser().arn()).startsWith("arn:aws:sts::111111111111:assumed-role/cdk-readOnlyRole/");
    assertThat(wireMock.requestsFor("AssumeRole")).isEqualTo(3);
    assertThat(AwsCallLog.global().accountOf("AKIAWIREMOCKTHROTTLE")).isEqualTo("111111111111");
  }

  @Test
  void stubAssumeRoleThrottled_withoutRetries_sdkSeesThrottling() {
    wireMock.stubAssumeRoleThrottled(ROLE);
    try (StsClient sts = sts(false)) {
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s")))
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
            assertThat(e.isThrottlingException()).isTrue();
          });
    }
  }

  @Test
  void stubServerError_503_sdkSeesServiceUnavailable() {
    wireMock.stubServerError("AssumeRole", 503);
    try (StsClient sts = sts(false)) {
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s")))
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
          });
    }
  }

  @Test
  void stubServerError_500_sdkRetriesAndSeesInternalFailure() {
    wireMock.stubServerError("GetCallerIdentity", 500);
    try (StsClient sts = sts(true)) {
      assertThatThrownBy(sts::getCallerIdentity)
          .isInstanceOfSatisfying(StsException.class, e ->
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure"));
    }
    assertThat(wireMock.requestsFor("GetCallerIdentity")).isGreaterThan(1);
  }

  @Test
  void stubAssumeRoleSuccess_slow_attemptTimeoutFires() {
    wireMock.stubAssumeRoleSuccess(ROLE, "AKIAWIREMOCKSLOW0000", "111111111111", Duration.ofSeconds(3));
    try (StsClient sts = StsClient.builder().endpointOverride(wireMock.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCALLER", "x")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(Duration.ofMillis(300)))
        .build()) {
      assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s")))
          .isInstanceOf(ApiCallAttemptTimeoutException.class);
    }
  }

  @Test
  void stubAssumeRoleSuccess_otherAccount_credentialsAndIdentityActThere() {
    // given: a role in 111111111111 whose credentials act in 999999999999 (a misbehaving plugin's answer)
    wireMock.stubAssumeRoleSuccess(ROLE, "AKIAWIREMOCKWRONG000", "999999999999", Duration.ZERO);
    wireMock.stubGetCallerIdentity("AKIAWIREMOCKWRONG000", "arn:aws:sts::999999999999:assumed-role/cdk-readOnlyRole/cdkj");
    wireMock.stubGetCallerIdentity(CALLER);

    // when
    AssumeRoleResponse assumed;
    String wrongAccount;
    String callerAccount;
    try (StsClient sts = sts(false)) {
      assumed = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("s"));
      callerAccount = sts.getCallerIdentity().account();
    }
    try (StsClient sts = StsClient.builder().endpointOverride(wireMock.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            assumed.credentials().accessKeyId(), assumed.credentials().secretAccessKey()))).build()) {
      wrongAccount = sts.getCallerIdentity().account();
    }

    // then
    assertThat(assumed.credentials().secretAccessKey()).isEqualTo(WireMockAws.SECRET_ACCESS_KEY);
    assertThat(wrongAccount).isEqualTo("999999999999");
    assertThat(callerAccount).isEqualTo("222222222222");
    assertThat(wireMock.requestsFor("GetCallerIdentity")).isEqualTo(2);
    assertThat(wireMock.requestsFor("AssumeRole")).isEqualTo(1);
  }

  private static StsClient sts(boolean retries) {
    return StsClient.builder().endpointOverride(wireMock.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCALLER", "x")))
        .overrideConfiguration(o -> {
          if (!retries) {
            o.retryStrategy(AwsRetryStrategy.doNotRetry());
          }
        })
        .build();
  }
}
