package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.SeededVpc;
import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The security-group, key-provider, load-balancer and load-balancer-listener answers consumed by real
 * aws-cdk-lib constructs ({@code io.cdkj.sample.NetworkLookupShowcaseApp}): one
 * {@code cdkj synth --json} as a caller in the stack's account; the looked-up ALB asks for its VPC in a
 * second round, so the app runs three times.
 */
@ExtendWith(MotoExtension.class)
class NetworkLookupShowcaseSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111111111111";

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static String groupId;
    private static String keyId;
    private static String vpcId;
    private static LoadBalancer alb;
    private static String listenerArn;
    private static CliHarness.Run run;

    @BeforeAll
    static void synthesize(MotoServer moto) throws IOException {
        LocalAwsSeeder seeder = LocalAwsSeeder.in(moto, ACCOUNT, "us-east-2");
        SeededVpc vpc = seeder.vpc("10.70.0.0/16", "network-showcase-" + System.nanoTime());
        vpcId = vpc.vpcId();
        String alias = "alias/showcase-" + System.nanoTime();
        String stage = "showcase-" + System.nanoTime();
        var credentials = StaticCredentialsProvider.create(seeder.credentials());
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).credentialsProvider(credentials)
                .region(Region.US_EAST_2).build();
             KmsClient kms = KmsClient.builder().endpointOverride(moto.endpoint()).credentialsProvider(credentials)
                     .region(Region.US_EAST_2).build();
             ElasticLoadBalancingV2Client elbv2 = ElasticLoadBalancingV2Client.builder()
                     .endpointOverride(moto.endpoint()).credentialsProvider(credentials).region(Region.US_EAST_2).build()) {
            groupId = ec2.createSecurityGroup(r -> r.groupName("showcase-" + System.nanoTime()).description("showcase")
                    .vpcId(vpcId)).groupId();
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId)
                    .ipPermissions(p -> p.ipProtocol("-1").ipv6Ranges(v -> v.cidrIpv6("::/0"))));
            keyId = kms.createKey(r -> r.description("showcase")).keyMetadata().keyId();
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
            alb = elbv2.createLoadBalancer(r -> r.name("showcase" + System.nanoTime() % 100000).type("application")
                    .subnets(vpc.publicSubnetIds()).securityGroups(groupId).tags(t -> t.key("stage").value(stage)))
                    .loadBalancers().get(0);
            String targetGroup = elbv2.createTargetGroup(r -> r.name("showcase" + System.nanoTime() % 100000)
                    .protocol("HTTP").port(80).vpcId(vpcId)).targetGroups().get(0).targetGroupArn();
            listenerArn = elbv2.createListener(r -> r.loadBalancerArn(alb.loadBalancerArn()).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("forward").targetGroupArn(targetGroup))).listeners().get(0).listenerArn();
        }
        Files.writeString(project.resolve("cdk.json"), JSON.writeValueAsString(Map.of(
                "app", ReactorApps.sampleApp("io.cdkj.sample.NetworkLookupShowcaseApp"),
                "context", Map.of("securityGroupId", groupId, "keyAlias", alias, "albStage", stage))));
        CliHarness cli = new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString());
        try (AwsSystemProperties caller = AwsSystemProperties.caller(moto.endpoint(), moto.callerIn(ACCOUNT))) {
            run = cli.run("synth", "NetworkLookups", "--json");
        }
    }

    @Test
    void synth_networkLookups_succeedWithRealValues() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        // aws-cdk-lib asks for 7 values first (the listener lookup repeats the load balancer's), then the VPC.
        assertThat(run.err()).contains("Some context information is missing (7 values). Fetching...",
                "Some context information is missing (1 value). Fetching...");
    }

    @Test
    void synth_securityGroupLookup_givesIdAndAllowAllOutbound() throws IOException {
        assertThat(output("SgId").asText()).isEqualTo(groupId);
        assertThat(output("SgAllowAllOutbound").asText()).isEqualTo("true");
    }

    @Test
    void synth_keyLookup_givesTheAliasedKey() throws IOException {
        assertThat(output("KeyId").asText()).isEqualTo(keyId);
    }

    @Test
    void synth_loadBalancerLookup_givesArnDnsZoneVpcAndGroups() throws IOException {
        assertThat(output("AlbArn").asText()).isEqualTo(alb.loadBalancerArn());
        assertThat(output("AlbDns").asText()).isEqualTo(alb.dnsName());
        assertThat(output("AlbZone").asText()).isEqualTo(alb.canonicalHostedZoneId());
        assertThat(output("AlbIpType").asText()).isEqualTo("IPV4");
        assertThat(output("AlbVpc").asText()).isEqualTo(vpcId);
        assertThat(output("AlbSecurityGroups").asText()).isEqualTo(groupId);
    }

    @Test
    void synth_listenerLookup_givesTheListenerOnPort80() throws IOException {
        assertThat(output("ListenerArn").asText()).isEqualTo(listenerArn);
    }

    private static JsonNode output(String name) throws IOException {
        return JSON.readTree(run.out()).path("Outputs").path(name).path("Value");
    }
}
