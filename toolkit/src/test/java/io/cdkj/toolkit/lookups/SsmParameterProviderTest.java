package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.aws.AwsClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class SsmParameterProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();
    private final SsmParameterProvider provider = new SsmParameterProvider();
    private LocalAwsSeeder dev;
    private LocalAwsSeeder prod;

    @BeforeEach
    void seed(MotoServer moto) {
        dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2").ssmParameter("/cdkj/test/param", "dev value");
        prod = LocalAwsSeeder.in(moto, "333333333333", "us-east-1").ssmParameter("/cdkj/test/param", "prod value");
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_existingParameter_returnsItsValueAsJsonStringFromThatAccount() {
        // when
        JsonNode devValue = provider.lookup(MotoClients.query("ssm", MotoClients.props(dev).put("parameterName", "/cdkj/test/param")),
                MotoClients.of(factory, dev));
        JsonNode prodValue = provider.lookup(MotoClients.query("ssm", MotoClients.props(prod).put("parameterName", "/cdkj/test/param")),
                MotoClients.of(factory, prod));

        // then
        assertThat(devValue.isTextual()).isTrue();
        assertThat(devValue.asText()).isEqualTo("dev value");
        assertThat(prodValue.asText()).isEqualTo("prod value");
    }

    @Test
    void lookup_missingParameter_failsNamingAccountRegionAndName() {
        assertThatThrownBy(() -> provider.lookup(
                MotoClients.query("ssm", MotoClients.props(dev).put("parameterName", "/cdkj/test/absent")),
                MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessage("SSM parameter not available in account 111111111111, region us-east-2: /cdkj/test/absent");
    }

    @Test
    void lookup_missingParameterWithIgnoreError_returnsDummyValue() {
        // when
        JsonNode value = provider.lookup(MotoClients.query("ssm", MotoClients.props(dev).put("parameterName", "/cdkj/test/absent")
                .put("ignoreErrorOnMissingContext", true).put("dummyValue", "dummy")), MotoClients.of(factory, dev));

        // then
        assertThat(value.asText()).isEqualTo("dummy");
    }
}
