package io.cdkj.toolkit.lookups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.aws.AwsClientFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class HostedZoneProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_publicZone_returnsIdAndNameObject(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        String domain = "z" + System.nanoTime() + ".example.com";
        String zoneId = dev.hostedZone(domain);

        // when
        JsonNode value = new HostedZoneProvider().lookup(MotoClients.query("hosted-zone",
                MotoClients.props(dev).put("domainName", domain)), MotoClients.of(factory, dev));

        // then
        assertThat(value.get("Id").asText()).endsWith(zoneId);
        assertThat(value.get("Name").asText()).isEqualTo(domain + ".");
        assertThat(value.size()).isEqualTo(2);
    }

    @Test
    void lookup_zoneInAnotherAccount_failsWantingExactlyOne(MotoServer moto) {
        // given
        String domain = "z" + System.nanoTime() + ".example.com";
        LocalAwsSeeder.in(moto, "333333333333", "us-east-1").hostedZone(domain);
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // then
        assertThatThrownBy(() -> new HostedZoneProvider().lookup(MotoClients.query("hosted-zone",
                MotoClients.props(dev).put("domainName", domain)), MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Found 0 hosted zones")
                .hasMessageContaining("but wanted exactly 1 zone");
    }

    @Test
    void lookup_privateZoneForVpc_returnsOnlyTheZoneAssociatedWithThatVpc(MotoServer moto) {
        // given: a public zone and two private zones of the same name, each private one in its own VPC
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        String domain = "z" + System.nanoTime() + ".internal.example.com";
        dev.hostedZone(domain);
        String vpcId = dev.vpc("10.30.0.0/16", "hz-" + System.nanoTime()).vpcId();
        LookupClients clients = MotoClients.of(factory, dev);
        String privateId = clients.route53().createHostedZone(r -> r.name(domain)
                .callerReference("private-" + System.nanoTime())
                .vpc(v -> v.vpcId(vpcId).vpcRegion("us-east-2"))
                .hostedZoneConfig(c -> c.privateZone(true))).hostedZone().id();
        String otherVpcId = dev.vpc("10.31.0.0/16", "hz-other-" + System.nanoTime()).vpcId();
        clients.route53().createHostedZone(r -> r.name(domain).callerReference("other-" + System.nanoTime())
                .vpc(v -> v.vpcId(otherVpcId).vpcRegion("us-east-2")).hostedZoneConfig(c -> c.privateZone(true)));

        // when
        JsonNode value = new HostedZoneProvider().lookup(MotoClients.query("hosted-zone", MotoClients.props(dev)
                .put("domainName", domain).put("privateZone", true).put("vpcId", vpcId)), clients);

        // then
        assertThat(value.get("Id").asText()).endsWith(privateId.substring(privateId.lastIndexOf('/') + 1));
    }
}
