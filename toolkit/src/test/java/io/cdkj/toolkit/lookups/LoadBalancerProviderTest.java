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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** {@code load-balancer} and {@code load-balancer-listener} against moto's ELBv2. */
@ExtendWith(MotoExtension.class)
class LoadBalancerProviderTest {

    private final AwsClientFactory factory = new AwsClientFactory();

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void lookup_albByTags_returnsTheCdkShape(MotoServer moto) {
        // given: two ALBs in one VPC, only one tagged with both wanted tags
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        SeededVpc vpc = dev.vpc("10.50.0.0/16", "lb-" + System.nanoTime());
        String sg = clients.ec2().createSecurityGroup(r -> r.groupName("alb-" + System.nanoTime())
                .description("alb").vpcId(vpc.vpcId())).groupId();
        String stage = "s" + System.nanoTime();
        LoadBalancer wanted = alb(clients, vpc, sg, "w" + System.nanoTime() % 100000, stage, "web");
        alb(clients, vpc, sg, "o" + System.nanoTime() % 100000, stage, "api");
        ObjectNode props = MotoClients.props(dev).put("loadBalancerType", "application");
        props.putArray("loadBalancerTags").add(tag("stage", stage)).add(tag("role", "web"));

        // when
        JsonNode value = new LoadBalancerProvider().lookup(MotoClients.query("load-balancer", props), clients);

        // then
        assertThat(value.get("loadBalancerArn").asText()).isEqualTo(wanted.loadBalancerArn());
        assertThat(value.get("loadBalancerDnsName").asText()).isEqualTo(wanted.dnsName()).isNotBlank();
        assertThat(value.get("loadBalancerCanonicalHostedZoneId").asText()).isEqualTo(wanted.canonicalHostedZoneId())
                .isNotBlank();
        assertThat(value.get("vpcId").asText()).isEqualTo(vpc.vpcId());
        assertThat(value.get("securityGroupIds").isArray()).isTrue();
        assertThat(value.get("securityGroupIds").get(0).asText()).isEqualTo(sg);
        assertThat(value.get("ipAddressType").asText()).isEqualTo("ipv4");
        assertThat(value.size()).isEqualTo(6);
    }

    @Test
    void lookup_tagsOnTwoAlbs_failsAsAmbiguous(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        SeededVpc vpc = dev.vpc("10.51.0.0/16", "lb-" + System.nanoTime());
        String stage = "s" + System.nanoTime();
        alb(clients, vpc, null, "a" + System.nanoTime() % 100000, stage, "web");
        alb(clients, vpc, null, "b" + System.nanoTime() % 100000, stage, "web");
        ObjectNode props = MotoClients.props(dev).put("loadBalancerType", "application");
        props.putArray("loadBalancerTags").add(tag("stage", stage));

        // then
        assertThatThrownBy(() -> new LoadBalancerProvider().lookup(MotoClients.query("load-balancer", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Multiple load balancers found matching")
                .hasMessageContaining(stage);
    }

    @Test
    void lookup_arnOfAnotherType_failsAsNotFound(MotoServer moto) {
        // given: an ALB looked up as a network load balancer
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        LoadBalancer alb = alb(clients, dev.vpc("10.52.0.0/16", "lb-" + System.nanoTime()), null,
                "t" + System.nanoTime() % 100000, "x", "y");
        ObjectNode props = MotoClients.props(dev).put("loadBalancerType", "network")
                .put("loadBalancerArn", alb.loadBalancerArn());

        // then
        assertThatThrownBy(() -> new LoadBalancerProvider().lookup(MotoClients.query("load-balancer", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("No load balancers found matching")
                .hasMessageContaining("account 111111111111");
    }

    @Test
    void listener_byLoadBalancerArnAndPort_returnsListenerShape(MotoServer moto) {
        // given: one ALB with listeners on 80 and 443
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        SeededVpc vpc = dev.vpc("10.53.0.0/16", "lb-" + System.nanoTime());
        String sg = clients.ec2().createSecurityGroup(r -> r.groupName("lst-" + System.nanoTime())
                .description("alb").vpcId(vpc.vpcId())).groupId();
        LoadBalancer alb = alb(clients, vpc, sg, "l" + System.nanoTime() % 100000, "x", "y");
        listener(clients, alb, 80);
        String https = listener(clients, alb, 8443);
        ObjectNode props = MotoClients.props(dev).put("loadBalancerType", "application")
                .put("loadBalancerArn", alb.loadBalancerArn()).put("listenerPort", 8443);

        // when
        JsonNode value = new LoadBalancerListenerProvider().lookup(
                MotoClients.query("load-balancer-listener", props), clients);

        // then
        assertThat(value.get("listenerArn").asText()).isEqualTo(https);
        assertThat(value.get("listenerPort").isInt()).isTrue();
        assertThat(value.get("listenerPort").asInt()).isEqualTo(8443);
        assertThat(value.get("securityGroupIds").get(0).asText()).isEqualTo(sg);
        assertThat(value.size()).isEqualTo(3);
    }

    @Test
    void listener_twoMatchWithoutPort_failsAsAmbiguous(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        LoadBalancer alb = alb(clients, dev.vpc("10.54.0.0/16", "lb-" + System.nanoTime()), null,
                "m" + System.nanoTime() % 100000, "x", "y");
        listener(clients, alb, 80);
        listener(clients, alb, 81);
        ObjectNode props = MotoClients.props(dev).put("loadBalancerType", "application")
                .put("loadBalancerArn", alb.loadBalancerArn()).put("listenerProtocol", "HTTP");

        // then
        assertThatThrownBy(() -> new LoadBalancerListenerProvider().lookup(
                MotoClients.query("load-balancer-listener", props), clients))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("Multiple load balancer listeners found matching");
    }

    @Test
    void listener_byListenerArn_returnsItsPortAndLoadBalancerGroups(MotoServer moto) {
        // given
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
        LookupClients clients = MotoClients.of(factory, dev);
        LoadBalancer alb = alb(clients, dev.vpc("10.55.0.0/16", "lb-" + System.nanoTime()), null,
                "n" + System.nanoTime() % 100000, "x", "y");
        String arn = listener(clients, alb, 8080);
        ObjectNode props = MotoClients.props(dev).put("loadBalancerType", "application").put("listenerArn", arn);

        // when
        JsonNode value = new LoadBalancerListenerProvider().lookup(
                MotoClients.query("load-balancer-listener", props), clients);

        // then
        assertThat(value.get("listenerArn").asText()).isEqualTo(arn);
        assertThat(value.get("listenerPort").asInt()).isEqualTo(8080);
        assertThat(value.get("securityGroupIds").isArray()).isTrue();
    }

    private static ObjectNode tag(String key, String value) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("key", key)
                .put("value", value);
    }

    private static LoadBalancer alb(LookupClients clients, SeededVpc vpc, String sg, String name, String stage,
                                    String role) {
        return clients.elbv2().createLoadBalancer(r -> {
            r.name(name).type("application").subnets(vpc.publicSubnetIds())
                    .tags(t -> t.key("stage").value(stage), t -> t.key("role").value(role));
            if (sg != null) {
                r.securityGroups(sg);
            }
        }).loadBalancers().get(0);
    }

    private static String listener(LookupClients clients, LoadBalancer lb, int port) {
        String tg = clients.elbv2().createTargetGroup(r -> r.name("tg" + port + "-" + System.nanoTime() % 100000)
                .protocol("HTTP").port(port).vpcId(lb.vpcId())).targetGroups().get(0).targetGroupArn();
        return clients.elbv2().createListener(r -> r.loadBalancerArn(lb.loadBalancerArn()).protocol("HTTP").port(port)
                .defaultActions(a -> a.type("forward").targetGroupArn(tg))).listeners().get(0).listenerArn();
    }
}
