package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

@ExtendWith(MotoExtension.class)
class AwsSystemPropertiesTest {

  @Test
  void caller_sessionCredentials_defaultChainActsAsThatCaller(MotoServer moto) {
    // given
    AwsSessionCredentials caller = moto.callerIn("222222222222", "pipeline");

    // when
    String account;
    try (var scope = AwsSystemProperties.caller(moto.endpoint(), caller);
         DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
         StsClient sts = StsClient.builder().credentialsProvider(chain).build()) {
      account = sts.getCallerIdentity().account();
    }

    // then
    assertThat(account).isEqualTo("222222222222");
  }

  @Test
  void serviceEndpoint_sts_routesOnlyStsElsewhere(MotoServer moto) {
    // given: STS goes to WireMock, everything else to moto
    try (WireMockAws wireMock = WireMockAws.start()) {
      wireMock.stubGetCallerIdentity("arn:aws:sts::444444444444:assumed-role/elsewhere/x");
      try (var scope = AwsSystemProperties.caller(moto.endpoint(), moto.rootKeys());
           var sts = AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint());
           StsClient client = StsClient.builder().build();
           software.amazon.awssdk.services.ssm.SsmClient ssm = software.amazon.awssdk.services.ssm.SsmClient.builder().build()) {
        // when / then
        assertThat(client.getCallerIdentity().account()).isEqualTo("444444444444");
        ssm.describeParameters(); // answered by moto: WireMock would 404
      }
      assertThat(System.getProperty("aws.endpointUrlSts")).isNull();
      assertThat(wireMock.requestsFor("GetCallerIdentity")).isEqualTo(1);
    }
  }

  @Test
  void close_afterScope_restoresPreviousValuesAndClearsNewOnes() {
    // given
    Map<String, String> before = snapshot();
    System.setProperty(AwsSystemProperties.REGION, "eu-west-1");
    System.clearProperty(AwsSystemProperties.SESSION_TOKEN);
    try {
      // when
      try (var scope = AwsSystemProperties.caller(URI.create("http://127.0.0.1:1"),
          AwsSessionCredentials.create("AKIDEXAMPLE", "SeCrEtVaLuE", "ToKeNvAlUe"), "us-west-2")) {
        assertThat(System.getProperty(AwsSystemProperties.REGION)).isEqualTo("us-west-2");
        assertThat(System.getProperty(AwsSystemProperties.SESSION_TOKEN)).isEqualTo("ToKeNvAlUe");
        assertThat(scope.toString()).doesNotContain("SeCrEtVaLuE", "ToKeNvAlUe");
      }

      // then
      assertThat(System.getProperty(AwsSystemProperties.REGION)).isEqualTo("eu-west-1");
      assertThat(System.getProperty(AwsSystemProperties.SESSION_TOKEN)).isNull();
    } finally {
      AwsSystemProperties.set(before); // leave the JVM as found; this scope is intentionally not closed
    }
  }

  @Test
  void caller_basicKeys_clearsSessionTokenForTheScope() {
    try (var outer = AwsSystemProperties.set(Map.of(AwsSystemProperties.SESSION_TOKEN, "stale"));
         var inner = AwsSystemProperties.caller(URI.create("http://127.0.0.1:1"),
             AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))) {
      assertThat(System.getProperty(AwsSystemProperties.SESSION_TOKEN)).isNull();
    }
    assertThat(System.getProperty(AwsSystemProperties.SESSION_TOKEN)).isNull();
  }

  private static Map<String, String> snapshot() {
    Map<String, String> values = new HashMap<>();
    for (String key : new String[] {AwsSystemProperties.REGION, AwsSystemProperties.SESSION_TOKEN}) {
      values.put(key, System.getProperty(key));
    }
    return values;
  }
}
