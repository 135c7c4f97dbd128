package io.cdkj.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the app once with the lookups already answered in context (as a warm
 * {@code cdk.context.json} would), overriding the dev account through the {@code devAccount} context key.
 */
class SampleAppTest {

    private static final String DEV = "444444444444";
    private static final String PROD = SampleApp.PROD_ACCOUNT_DEFAULT;

    private static Template dev;
    private static Template prod;
    private static App app;

    @BeforeAll
    static void synthesizeOnce() {
        app = new App(AppProps.builder().context(Map.of(
                "devAccount", DEV,
                ssmKey(DEV, SampleApp.DEV_REGION), "hello from dev",
                vpcKey(DEV, SampleApp.DEV_REGION), vpc("vpc-0dev", DEV, "us-east-2a", "subnet-0dev"),
                ssmKey(PROD, SampleApp.PROD_REGION), "hello from prod",
                vpcKey(PROD, SampleApp.PROD_REGION), vpc("vpc-0prod", PROD, "us-east-1a", "subnet-0prod")
        )).build());
        SampleApp.build(app);
        dev = Template.fromStack((Stack) app.getNode().findChild("devSampleApp"));
        prod = Template.fromStack((Stack) app.getNode().findChild("prodSampleApp"));
    }

    @Test
    void build_contextAccountAndDefault_pinsEachStackToItsEnvironment() {
        Stack devStack = (Stack) app.getNode().findChild("devSampleApp");
        Stack prodStack = (Stack) app.getNode().findChild("prodSampleApp");
        assertThat(devStack.getAccount()).isEqualTo(DEV);
        assertThat(devStack.getRegion()).isEqualTo("us-east-2");
        assertThat(prodStack.getAccount()).isEqualTo("333333333333");
        assertThat(prodStack.getRegion()).isEqualTo("us-east-1");
    }

    @Test
    void synth_lookedUpMessage_isOutputAndStoredInParameter() {
        dev.hasOutput("Message", Map.of("Value", "hello from dev"));
        prod.hasOutput("Message", Map.of("Value", "hello from prod"));
        dev.hasResourceProperties("AWS::SSM::Parameter", Map.of(
                "Name", "/cdkj/sample/deployed-message", "Value", "hello from dev", "Type", "String"));
    }

    @Test
    void synth_lookedUpVpc_outputsItsIdAndSubnets() {
        dev.hasOutput("VpcId", Map.of("Value", "vpc-0dev"));
        prod.hasOutput("SubnetIds", Map.of("Value", "subnet-0prod"));
    }

    @Test
    void synth_cliCredentialsSynthesizer_needsNoBootstrap() {
        assertThat(dev.toJSON()).doesNotContainKey("Rules");
        dev.templateMatches(Match.not(Match.objectLike(Map.of("Parameters", Map.of("BootstrapVersion", Match.anyValue())))));
    }

    private static String ssmKey(String account, String region) {
        return "ssm:account=" + account + ":parameterName=" + SampleApp.MESSAGE_PARAMETER + ":region=" + region;
    }

    private static String vpcKey(String account, String region) {
        return "vpc-provider:account=" + account + ":filter.tag:Name=" + SampleApp.VPC_NAME + ":region=" + region
                + ":returnAsymmetricSubnets=true";
    }

    /** The vpc-provider's answer for {@code returnAsymmetricSubnets=true}: subnets listed in groups. */
    private static Map<String, Object> vpc(String vpcId, String account, String az, String subnetId) {
        return Map.of(
                "vpcId", vpcId,
                "vpcCidrBlock", "10.0.0.0/16",
                "ownerAccountId", account,
                "availabilityZones", List.of(),
                "subnetGroups", List.of(Map.of(
                        "name", "Private",
                        "type", "Private",
                        "subnets", List.of(Map.of(
                                "subnetId", subnetId,
                                "cidr", "10.0.1.0/24",
                                "availabilityZone", az,
                                "routeTableId", "rtb-" + subnetId)))));
    }
}
