package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.aws.AwsClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class AvailabilityZonesProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_region_returnsArrayOfZoneNamesInThatRegion(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // when
        JsonNode zones = new AvailabilityZonesProvider().lookup(
                MotoClients.query("availability-zones", MotoClients.props(dev)), MotoClients.of(factory, dev));

        // then
        assertThat(zones.isArray()).isTrue();
        assertThat(zones).isNotEmpty().allSatisfy(zone -> {
            assertThat(zone.isTextual()).isTrue();
            assertThat(zone.asText()).startsWith("us-east-2");
        });
    }
}
