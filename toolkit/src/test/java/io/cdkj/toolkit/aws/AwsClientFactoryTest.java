package io.cdkj.toolkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

class AwsClientFactoryTest {

    private final StaticCredentialsProvider dev = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDDEV", "not-a-secret"));
    private final StaticCredentialsProvider prod = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDPROD", "not-a-secret"));

    @Test
    void create_sameServiceCredentialsAndRegion_sharesOneClient() {
        try (AwsClientFactory factory = new AwsClientFactory(8)) {
            SsmClient first = factory.create(SsmClient.builder(), dev, "us-east-2");
            SsmClient again = factory.create(SsmClient.builder(), dev, "us-east-2");

            assertThat(again).isSameAs(first);
            assertThat(factory.size()).isEqualTo(1);
        }
    }

    @Test
    void create_otherServiceCredentialsOrRegion_buildsAnotherClient() {
        try (AwsClientFactory factory = new AwsClientFactory(8)) {
            SsmClient ssm = factory.create(SsmClient.builder(), dev, "us-east-2");

            assertThat(factory.create(SsmClient.builder(), prod, "us-east-2")).isNotSameAs(ssm);
            assertThat(factory.create(SsmClient.builder(), dev, "us-east-1")).isNotSameAs(ssm);
            assertThat(factory.create(StsClient.builder(), dev, "us-east-2")).isInstanceOf(StsClient.class);
            assertThat(factory.size()).isEqualTo(4);
        }
    }

    @Test
    void create_afterClose_fails() {
        AwsClientFactory factory = new AwsClientFactory(8);
        factory.close();

        assertThatThrownBy(() -> factory.create(SsmClient.builder(), dev, "us-east-2"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
