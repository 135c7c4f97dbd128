package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxiedRequestTest {

  private static final String AUTH = "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEKEY123456/20260101/us-east-2/%s/aws4_request,"
      + " SignedHeaders=host;x-amz-date, Signature=abc";

  @Test
  void describe_jsonProtocol_takesTheOperationFromTheTarget() {
    AwsCall call = ProxiedRequest.describe("POST", "/", Optional.empty(), Optional.of(AUTH.formatted("ssm")),
        Optional.of("AmazonSSM.GetParameter"), Optional.empty());

    assertThat(call).isEqualTo(new AwsCall("ssm", "GetParameter", "us-east-2", "ASIAEXAMPLEKEY123456", AwsCall.UNKNOWN));
  }

  @Test
  void describe_queryProtocol_takesTheActionFromTheFormOrTheQuery() {
    assertThat(ProxiedRequest.describe("POST", "/", Optional.empty(), Optional.of(AUTH.formatted("ec2")),
        Optional.empty(), Optional.of("Version=2016-11-15&Action=DescribeAvailabilityZones")).operation())
        .isEqualTo("DescribeAvailabilityZones");
    assertThat(ProxiedRequest.describe("GET", "/", Optional.of("Action=GetCallerIdentity&Version=2011-06-15"),
        Optional.of(AUTH.formatted("sts")), Optional.empty(), Optional.empty()).operation())
        .isEqualTo("GetCallerIdentity");
  }

  @Test
  void describe_rpcV2AndRest_useThePathOrTheMethod() {
    assertThat(ProxiedRequest.describe("POST", "/service/GraniteServiceVersion20100801/operation/GetMetricData",
        Optional.empty(), Optional.of(AUTH.formatted("monitoring")), Optional.empty(), Optional.empty()).operation())
        .isEqualTo("GetMetricData");
    assertThat(ProxiedRequest.describe("HEAD", "/bucket/key", Optional.empty(), Optional.of(AUTH.formatted("s3")),
        Optional.empty(), Optional.empty())).isEqualTo(
        new AwsCall("s3", "HEAD", "us-east-2", "ASIAEXAMPLEKEY123456", AwsCall.UNKNOWN));
  }

  @Test
  void describe_unsigned_isUnknownUnlessAWebIdentityAssumeRole() {
    assertThat(ProxiedRequest.describe("POST", "/", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("Action=AssumeRoleWithWebIdentity&RoleArn=x"))).isEqualTo(
        new AwsCall("sts", "AssumeRoleWithWebIdentity", AwsCall.UNKNOWN, AwsCall.UNKNOWN, AwsCall.UNKNOWN));
    assertThat(ProxiedRequest.describe("GET", "/", Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty()).service()).isEqualTo(AwsCall.UNKNOWN);
  }
}
