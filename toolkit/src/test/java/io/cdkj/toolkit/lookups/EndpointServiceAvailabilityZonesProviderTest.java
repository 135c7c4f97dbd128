package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.SeededVpc;
import io.cdkj.toolkit.aws.AwsClientFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class EndpointServiceAvailabilityZonesProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_ownEndpointService_returnsZonesOfItsLoadBalancerAsStringArray(MotoServer moto) {
        // given: an endpoint service in front of an NLB in the VPC's first subnet only
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        SeededVpc vpc = dev.vpc("10.60.0.0/16", "vpce-" + System.nanoTime());
        String nlb = clients.elbv2().createLoadBalancer(r -> r.name("vpce" + System.nanoTime() % 100000)
                .type("network").scheme("internal").subnets(vpc.privateSubnetIds().get(0)))
                .loadBalancers().get(0).loadBalancerArn();
        String serviceName = clients.ec2().createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb))
                .serviceConfiguration().serviceName();
        String subnetZone = clients.ec2().describeSubnets(r -> r.subnetIds(vpc.privateSubnetIds().get(0)))
                .subnets().get(0).availabilityZone();

        // when
        JsonNode value = new EndpointServiceAvailabilityZonesProvider().lookup(MotoClients.query(
                "endpoint-service-availability-zones", MotoClients.props(dev).put("serviceName", serviceName)), clients);

        // then
        assertThat(value.isArray()).isTrue();
        List<String> zones = new ArrayList<>();
        value.forEach(z -> zones.add(z.asText()));
        assertThat(zones).containsExactly(subnetZone);
    }

    @Test
    void lookup_awsServiceName_returnsTheRegionsZones(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // when
        JsonNode value = new EndpointServiceAvailabilityZonesProvider().lookup(MotoClients.query(
                "endpoint-service-availability-zones", MotoClients.props(dev).put("serviceName",
                        "com.amazonaws.us-east-2.s3")), MotoClients.of(factory, dev));

        // then
        assertThat(value.isArray()).isTrue();
        assertThat(value.size()).isGreaterThan(0);
        value.forEach(z -> assertThat(z.asText()).startsWith("us-east-2"));
    }

    @Test
    void lookup_unknownServiceName_failsNamingServiceAndAccount(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // then
        assertThatThrownBy(() -> new EndpointServiceAvailabilityZonesProvider().lookup(MotoClients.query(
                "endpoint-service-availability-zones", MotoClients.props(dev).put("serviceName",
                        "com.amazonaws.vpce.us-east-2.vpce-svc-0000000000000000")), MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("vpce-svc-0000000000000000")
                .hasMessageContaining("account 111111111111");
    }
}
