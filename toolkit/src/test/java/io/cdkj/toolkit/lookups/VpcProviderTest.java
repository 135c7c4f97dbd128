package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.SeededVpc;
import io.cdkj.toolkit.aws.AwsClientFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The vpc-provider's answer against a seeded VPC (public + private subnets in two AZs). */
@ExtendWith(MotoExtension.class)
class VpcProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();
    private LocalAwsSeeder dev;
    private SeededVpc vpc;
    private String name;

    @BeforeEach
    void seed(MotoServer moto) {
        dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        name = "vpc-test-" + System.nanoTime();
        vpc = dev.vpc("10.20.0.0/16", name);
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private JsonNode lookup(boolean asymmetric) {
        ObjectNode props = MotoClients.props(dev);
        props.putObject("filter").put("tag:Name", name);
        if (asymmetric) {
            props.put("returnAsymmetricSubnets", true);
        }
        return new VpcProvider().lookup(MotoClients.query("vpc-provider", props), MotoClients.of(factory, dev));
    }

    @Test
    void lookup_symmetric_returnsSubnetListsPerTypeOrderedByZone() {
        // when
        JsonNode value = lookup(false);

        // then
        assertThat(value.get("vpcId").asText()).isEqualTo(vpc.vpcId());
        assertThat(value.get("vpcCidrBlock").asText()).isEqualTo("10.20.0.0/16");
        assertThat(value.get("ownerAccountId").asText()).isEqualTo("111111111111");
        assertThat(texts(value.get("availabilityZones"))).isEqualTo(vpc.availabilityZones());
        assertThat(texts(value.get("publicSubnetIds"))).isEqualTo(vpc.publicSubnetIds());
        assertThat(texts(value.get("publicSubnetNames"))).containsExactly("Public");
        assertThat(texts(value.get("publicSubnetRouteTableIds")))
                .containsExactly(vpc.publicRouteTableId(), vpc.publicRouteTableId());
        assertThat(texts(value.get("privateSubnetIds"))).isEqualTo(vpc.privateSubnetIds());
        assertThat(texts(value.get("privateSubnetRouteTableIds"))).isEqualTo(vpc.privateRouteTableIds());
        assertThat(value.has("isolatedSubnetIds")).isFalse();
        assertThat(value.has("subnetGroups")).isFalse();
        assertThat(value.has("vpnGatewayId")).isFalse();
    }

    @Test
    void lookup_asymmetric_returnsSubnetGroupsAndNoZones() {
        // when
        JsonNode value = lookup(true);

        // then
        assertThat(value.get("availabilityZones")).isEmpty();
        assertThat(value.has("publicSubnetIds")).isFalse();
        JsonNode groups = value.get("subnetGroups");
        assertThat(groups).hasSize(2);
        JsonNode publicGroup = groups.get(0).get("type").asText().equals("Public") ? groups.get(0) : groups.get(1);
        assertThat(publicGroup.get("name").asText()).isEqualTo("Public");
        JsonNode first = publicGroup.get("subnets").get(0);
        assertThat(first.get("subnetId").asText()).isEqualTo(vpc.publicSubnetIds().get(0));
        assertThat(first.get("availabilityZone").asText()).isEqualTo(vpc.availabilityZones().get(0));
        assertThat(first.get("routeTableId").asText()).isEqualTo(vpc.publicRouteTableId());
        assertThat(first.get("cidr").asText()).startsWith("10.20.");
    }

    @Test
    void lookup_noMatchingVpc_failsNamingFilterAndAccount() {
        // given
        ObjectNode props = MotoClients.props(dev);
        props.putObject("filter").put("tag:Name", "absent-" + System.nanoTime());

        // then
        assertThatThrownBy(() -> new VpcProvider().lookup(MotoClients.query("vpc-provider", props),
                MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Could not find any VPCs matching")
                .hasMessageContaining("in account 111111111111, region us-east-2");
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
