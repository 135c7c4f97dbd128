package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

@ExtendWith(MotoExtension.class)
class MotoServerTest {

  @Test
  void shared_calledTwice_returnsTheSameServer(MotoServer moto) {
    assertThat(MotoServer.shared()).isSameAs(moto);
    assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void callerIn_account_actsInThatAccountThroughTheCallerRole(MotoServer moto) {
    // given
    AwsSessionCredentials caller = moto.callerIn("111111111111");

    // when
    GetCallerIdentityResponse identity;
    try (StsClient sts = moto.stsClient(caller)) {
      identity = sts.getCallerIdentity();
    }

    // then
    assertThat(identity.account()).isEqualTo("111111111111");
    assertThat(identity.arn()).contains(":assumed-role/cdkj-test-caller/");
    assertThat(caller.accountId()).contains("111111111111");
  }

  @Test
  void callerIn_roleName_assumesThatRole(MotoServer moto) {
    try (StsClient sts = moto.stsClient(moto.callerIn("222222222222", "pipeline"))) {
      assertThat(sts.getCallerIdentity().arn()).startsWith("arn:aws:sts::222222222222:assumed-role/pipeline/");
    }
  }

  @Test
  void callerIn_malformedAccount_failsNamingIt(MotoServer moto) {
    assertThatThrownBy(() -> moto.callerIn("1234")).hasMessageContaining("'1234'");
  }

  @Test
  void rootKeys_actInMotosDefaultAccount(MotoServer moto) {
    try (StsClient sts = moto.stsClient(moto.rootKeys())) {
      assertThat(sts.getCallerIdentity().account()).isEqualTo(MotoServer.DEFAULT_ACCOUNT);
    }
  }

  @Test
  void reset_afterWrite_wipesState(MotoServer moto) {
    // given
    try (SsmClient ssm = ssm(moto)) {
      ssm.putParameter(r -> r.name("/cdkj/reset-test").value("v").type("String"));

      // when
      moto.reset();

      // then
      assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/cdkj/reset-test")))
          .isInstanceOf(ParameterNotFoundException.class);
    }
  }

  @Test
  void reset_callerObtainedBefore_nowActsInDefaultAccount(MotoServer moto) {
    // documents a moto trait: reset forgets the sessions behind earlier AssumeRole credentials
    AwsSessionCredentials before = moto.callerIn("111111111111");
    moto.reset();
    try (StsClient sts = moto.stsClient(before)) {
      assertThat(sts.getCallerIdentity().account()).isEqualTo(MotoServer.DEFAULT_ACCOUNT);
    }
  }

  @Test
  void launch_pythonWithoutMoto_failsWithInstallHintAndLogFile() {
    // python3 -S hides site-packages, where moto lives, just as on a machine without moto
    assertThatThrownBy(() -> MotoProcess.launch(List.of("python3", "-S"), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pip install 'moto[server]'")
        .hasMessageContaining("cdkj-moto-");
  }

  @Test
  void launch_missingInterpreter_failsWithInstallHint() {
    assertThatThrownBy(() -> MotoProcess.launch(List.of("/nonexistent/python3"), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pip install 'moto[server]'");
  }

  private static SsmClient ssm(MotoServer moto) {
    return SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(moto.rootKeys())).build();
  }
}
