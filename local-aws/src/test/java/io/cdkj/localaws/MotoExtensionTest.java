package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import software.amazon.awssdk.services.ssm.SsmClient;

class MotoExtensionTest {

  static final List<String> seen = new ArrayList<>();

  /** Run only through the launcher below (a nested static class is not picked up by surefire's default pattern). */
  @ExtendWith(MotoExtension.class)
  static class Subject {
    private final MotoServer fromConstructor;

    Subject(MotoServer moto) {
      this.fromConstructor = moto;
    }

    @Test
    void inside(MotoServer moto) {
      seen.add(System.getProperty(AwsSystemProperties.ENDPOINT_URL));
      seen.add(System.getProperty(AwsSystemProperties.REGION));
      seen.add(String.valueOf(fromConstructor == moto));
      // an SDK client built with no endpoint or region reaches moto
      try (var scope = AwsSystemProperties.set(java.util.Map.of(
              AwsSystemProperties.ACCESS_KEY_ID, moto.rootKeys().accessKeyId(),
              AwsSystemProperties.SECRET_ACCESS_KEY, moto.rootKeys().secretAccessKey()));
           SsmClient ssm = SsmClient.create()) {
        ssm.putParameter(r -> r.name("/cdkj/extension").value("reached").type("String").overwrite(true));
      }
    }
  }

  @Test
  void extension_testClass_pointsSdkAtMotoInjectsServerAndRestoresProperties() {
    // given
    System.clearProperty(AwsSystemProperties.ENDPOINT_URL);
    System.setProperty(AwsSystemProperties.REGION, "eu-central-1");
    seen.clear();
    try {
      // when
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Subject.class)).build(), summary);

      // then
      assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
      MotoServer moto = MotoServer.shared();
      assertThat(seen).containsExactly(moto.endpoint().toString(), "eu-central-1", "true");
      assertThat(System.getProperty(AwsSystemProperties.ENDPOINT_URL)).isNull();
      assertThat(System.getProperty(AwsSystemProperties.REGION)).isEqualTo("eu-central-1");
      try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint())
          .region(software.amazon.awssdk.regions.Region.EU_CENTRAL_1)
          .credentialsProvider(() -> moto.rootKeys()).build()) {
        assertThat(ssm.getParameter(r -> r.name("/cdkj/extension")).parameter().value()).isEqualTo("reached");
      }
    } finally {
      System.clearProperty(AwsSystemProperties.REGION);
    }
  }
}
