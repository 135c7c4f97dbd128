package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

@ExtendWith(MotoExtension.class)
class ScaleAccountsTest {

  @Test
  void seed_givesEachAccountItsOwnMessage(MotoServer moto) {
    // when
    ScaleAccounts.seed(moto, 3);

    // then
    assertThat(ScaleAccounts.account(0)).isEqualTo("400000000001");
    for (int i = 0; i < 3; i++) {
      String account = ScaleAccounts.account(i);
      try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
        assertThat(ssm.getParameter(r -> r.name(ScaleAccounts.PARAMETER_NAME)).parameter().value())
            .isEqualTo("hello from " + account);
      }
    }
  }
}
