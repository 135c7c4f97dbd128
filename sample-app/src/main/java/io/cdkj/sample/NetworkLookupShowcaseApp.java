package io.cdkj.sample;

import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerLookupOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerLookupOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationLoadBalancer;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeyLookupOptions;

/**
 * A third small app that consumes the network and key lookups through real aws-cdk-lib constructs:
 * {@code SecurityGroup.fromLookupById}, {@code Key.fromLookup}, {@code ApplicationLoadBalancer.fromLookup}
 * (which looks its VPC up as well) and {@code ApplicationListener.fromLookup}. The toolkit's tests
 * synthesize it to prove those answers have the shapes aws-cdk-lib expects. Context:
 * {@code showcaseAccount} (default 111111111111), {@code securityGroupId}, {@code keyAlias},
 * {@code albStage} (value of the ALB's {@code stage} tag).
 */
public final class NetworkLookupShowcaseApp {

    private NetworkLookupShowcaseApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        String account = context(app, "showcaseAccount", SampleApp.DEV_ACCOUNT_DEFAULT);
        Environment env = Environment.builder().account(account).region(SampleApp.DEV_REGION).build();
        Stack stack = new Stack(app, "NetworkLookups", StackProps.builder().env(env)
                .synthesizer(new CliCredentialsStackSynthesizer()).build());

        ISecurityGroup group = SecurityGroup.fromLookupById(stack, "Group", context(app, "securityGroupId", "sg-1"));
        output(stack, "SgId", group.getSecurityGroupId());
        output(stack, "SgAllowAllOutbound", String.valueOf(group.getAllowAllOutbound()));

        IKey key = Key.fromLookup(stack, "Key", KeyLookupOptions.builder()
                .aliasName(context(app, "keyAlias", "alias/showcase")).build());
        output(stack, "KeyId", key.getKeyId());

        Map<String, String> tags = Map.of("stage", context(app, "albStage", "showcase"));
        IApplicationLoadBalancer alb = ApplicationLoadBalancer.fromLookup(stack, "Alb",
                ApplicationLoadBalancerLookupOptions.builder().loadBalancerTags(tags).build());
        output(stack, "AlbArn", alb.getLoadBalancerArn());
        output(stack, "AlbDns", alb.getLoadBalancerDnsName());
        output(stack, "AlbZone", alb.getLoadBalancerCanonicalHostedZoneId());
        output(stack, "AlbIpType", String.valueOf(alb.getIpAddressType()));
        output(stack, "AlbVpc", alb.getVpc().getVpcId());
        output(stack, "AlbSecurityGroups", alb.getConnections().getSecurityGroups().stream()
                .map(ISecurityGroup::getSecurityGroupId).collect(Collectors.joining(",")));

        output(stack, "ListenerArn", ApplicationListener.fromLookup(stack, "Listener",
                ApplicationListenerLookupOptions.builder().loadBalancerTags(tags).listenerPort(80).build())
                .getListenerArn());
        app.synth();
    }

    private static void output(Stack stack, String id, String value) {
        CfnOutput.Builder.create(stack, id).value(value).build();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
