package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;

@ExtendWith(MotoExtension.class)
class CallCountingInterceptorTest {

  private final AwsCallLog log = AwsCallLog.global();

  @BeforeEach
  void clearLog() {
    log.reset();
  }

  @Test
  void globalRegistration_clientBuiltWithoutInterceptors_isCountedInCallersAccount(MotoServer moto) {
    // given: a caller in 111111111111 (learned from the AssumeRole response) and a plain client
    AwsSessionCredentials caller = moto.callerIn("111111111111");
    log.reset();

    // when
    try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_2)
        .credentialsProvider(StaticCredentialsProvider.create(caller)).build()) {
      ssm.putParameter(r -> r.name("/cdkj/counted").value("v").type("String").overwrite(true));
    }

    // then
    assertThat(log.calls()).containsExactly(
        new AwsCall("Ssm", "PutParameter", "us-east-2", caller.accessKeyId(), "111111111111"));
    assertThat(log.count("Ssm", "PutParameter", "111111111111")).isEqualTo(1);
    assertThat(log.count("Ssm", "PutParameter", "333333333333")).isZero();
  }

  @Test
  void assumeRole_callItself_isCountedInTheSourceAccount(MotoServer moto) {
    // when
    moto.callerIn("222222222222", "pipeline");
    moto.callerIn("333333333333");

    // then
    assertThat(log.count("Sts", "AssumeRole")).isEqualTo(2);
    assertThat(log.accountsFor("Sts", "AssumeRole")).containsExactly(MotoServer.DEFAULT_ACCOUNT);
  }

  @Test
  void defaultChain_throughSystemProperties_isCountedPerAccount(MotoServer moto) {
    // given
    AwsSessionCredentials dev = moto.callerIn("111111111111");
    AwsSessionCredentials prod = moto.callerIn("333333333333");

    // when
    for (AwsSessionCredentials caller : new AwsSessionCredentials[] {dev, prod, prod}) {
      try (var scope = AwsSystemProperties.caller(moto.endpoint(), caller);
           SsmClient ssm = SsmClient.builder().build()) {
        ssm.describeParameters();
      }
    }

    // then
    assertThat(log.count("Ssm", "DescribeParameters")).isEqualTo(3);
    assertThat(log.count("Ssm", "DescribeParameters", "111111111111")).isEqualTo(1);
    assertThat(log.count("Ssm", "DescribeParameters", "333333333333")).isEqualTo(2);
    assertThat(log.accountsFor("Ssm", "DescribeParameters")).containsExactly("111111111111", "333333333333");
  }

  @Test
  void failedCall_isCounted(MotoServer moto) {
    try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(moto.rootKeys())).build()) {
      assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/cdkj/missing")))
          .isInstanceOf(ParameterNotFoundException.class);
    }
    assertThat(log.count("Ssm", "GetParameter", MotoServer.DEFAULT_ACCOUNT)).isEqualTo(1);
  }

  @Test
  void getCallerIdentity_keyObtainedOutsideTheSdk_fillsInAccountOfEarlierCalls(MotoServer moto) throws Exception {
    // given: credentials from a raw HTTP AssumeRole the interceptor never saw
    AwsSessionCredentials outside = assumeRoleOverRawHttp(moto, "arn:aws:iam::333333333333:role/outside");
    try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(outside)).build()) {
      ssm.describeParameters();
    }
    assertThat(log.calls().get(0).account()).isEqualTo(AwsCall.UNKNOWN);

    // when
    try (StsClient sts = moto.stsClient(outside)) {
      sts.getCallerIdentity();
    }

    // then
    assertThat(log.count("Ssm", "DescribeParameters", "333333333333")).isEqualTo(1);
    assertThat(log.count("Sts", "GetCallerIdentity", "333333333333")).isEqualTo(1);
  }

  @Test
  void calls_neverHoldSecrets(MotoServer moto) {
    AwsSessionCredentials caller = moto.callerIn("111111111111");
    try (StsClient sts = moto.stsClient(caller)) {
      sts.getCallerIdentity();
    }
    assertThat(log.calls().toString())
        .contains(caller.accessKeyId())
        .doesNotContain(caller.secretAccessKey(), caller.sessionToken(), moto.rootKeys().secretAccessKey());
  }

  private static AwsSessionCredentials assumeRoleOverRawHttp(MotoServer moto, String roleArn) throws Exception {
    String body = "Action=AssumeRole&Version=2011-06-15&RoleSessionName=raw&RoleArn="
        + URLEncoder.encode(roleArn, StandardCharsets.UTF_8);
    String xml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(moto.endpoint())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + MotoServer.ROOT_ACCESS_KEY_ID
                + "/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return AwsSessionCredentials.create(tag(xml, "AccessKeyId"), tag(xml, "SecretAccessKey"), tag(xml, "SessionToken"));
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
    assertThat(m.find()).as("%s in %s", name, xml.length()).isTrue();
    return m.group(1);
  }
}
