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
class SecurityGroupProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_byIdWithIpv4AndIpv6AllTrafficEgress_allowsAllOutbound(MotoServer moto) {
        // given: EC2's default egress rule (all traffic to 0.0.0.0/0) plus the IPv6 one
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        String vpcId = dev.vpc("10.40.0.0/16", "sg-" + System.nanoTime()).vpcId();
        String groupId = group(clients, vpcId, "open-" + System.nanoTime());
        clients.ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId)
                .ipPermissions(p -> p.ipProtocol("-1").ipv6Ranges(v -> v.cidrIpv6("::/0"))));

        // when
        JsonNode value = new SecurityGroupProvider().lookup(MotoClients.query("security-group",
                MotoClients.props(dev).put("securityGroupId", groupId)), clients);

        // then
        assertThat(value.get("securityGroupId").asText()).isEqualTo(groupId);
        assertThat(value.get("allowAllOutbound").isBoolean()).isTrue();
        assertThat(value.get("allowAllOutbound").asBoolean()).isTrue();
        assertThat(value.size()).isEqualTo(2);
    }

    @Test
    void lookup_byNameAndVpcWithOnlyIpv4Egress_doesNotAllowAllOutbound(MotoServer moto) {
        // given: the same name in two VPCs; only the IPv4 default egress rule
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        String name = "named-" + System.nanoTime();
        String vpcId = dev.vpc("10.41.0.0/16", "sg-a-" + System.nanoTime()).vpcId();
        String otherVpcId = dev.vpc("10.42.0.0/16", "sg-b-" + System.nanoTime()).vpcId();
        String groupId = group(clients, vpcId, name);
        group(clients, otherVpcId, name);

        // when
        JsonNode value = new SecurityGroupProvider().lookup(MotoClients.query("security-group",
                MotoClients.props(dev).put("securityGroupName", name).put("vpcId", vpcId)), clients);

        // then
        assertThat(value.get("securityGroupId").asText()).isEqualTo(groupId);
        assertThat(value.get("allowAllOutbound").asBoolean()).isFalse();
    }

    @Test
    void lookup_nameInTwoVpcsWithoutVpcId_failsAsAmbiguous(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        String name = "twice-" + System.nanoTime();
        group(clients, dev.vpc("10.43.0.0/16", "sg-c-" + System.nanoTime()).vpcId(), name);
        group(clients, dev.vpc("10.44.0.0/16", "sg-d-" + System.nanoTime()).vpcId(), name);

        // then
        assertThatThrownBy(() -> new SecurityGroupProvider().lookup(MotoClients.query("security-group",
                MotoClients.props(dev).put("securityGroupName", name)), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("More than one security groups found matching")
                .hasMessageContaining(name);
    }

    @Test
    void lookup_unknownId_failsNamingIdAndAccount(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // then
        assertThatThrownBy(() -> new SecurityGroupProvider().lookup(MotoClients.query("security-group",
                MotoClients.props(dev).put("securityGroupId", "sg-0123456789abcdef0")), MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("No security groups found matching")
                .hasMessageContaining("sg-0123456789abcdef0")
                .hasMessageContaining("account 111111111111");
    }

    @Test
    void lookup_idAndName_failsBeforeAnyCall(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");

        // then
        assertThatThrownBy(() -> new SecurityGroupProvider().lookup(MotoClients.query("security-group",
                MotoClients.props(dev).put("securityGroupId", "sg-1").put("securityGroupName", "x")),
                MotoClients.of(factory, dev)))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("can not be specified both");
    }

    private static String group(LookupClients clients, String vpcId, String name) {
        return clients.ec2().createSecurityGroup(r -> r.groupName(name).description("cdkj test").vpcId(vpcId)).groupId();
    }
}
