package io.cdkj.requiredresources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The roles as synthesized; one app per configuration, synthesized once for the class (jsii is slow). */
class RequiredResourcesAppTest {

    private static Stack dev;
    private static Stack prod;
    private static Template devTemplate;
    private static Template prodTemplate;
    private static Template externalIdTemplate;
    private static Template renamedTemplate;

    @BeforeAll
    static void synthesize() {
        App app = new App();
        RequiredResourcesApp.createStacks(app);
        dev = (Stack) app.getNode().findChild("dev");
        prod = (Stack) app.getNode().findChild("prod");
        devTemplate = Template.fromStack(dev);
        prodTemplate = Template.fromStack(prod);

        App withExternalId = new App(AppProps.builder().context(Map.of(
                "trustedAccount", "444444444444", "externalId", "cdkj-ext-42", "devAccount", "555555555555")).build());
        RequiredResourcesApp.createStacks(withExternalId);
        externalIdTemplate = Template.fromStack((Stack) withExternalId.getNode().findChild("dev"));

        App renamed = new App(AppProps.builder().context(Map.of(
                "assume-role-credentials:readIamRoleName", "lookup-{ACCOUNT_ID}",
                "assume-role-credentials:writeIamRoleName", "deploy-{ACCOUNT_ID}")).build());
        RequiredResourcesApp.createStacks(renamed);
        renamedTemplate = Template.fromStack((Stack) renamed.getNode().findChild("prod"));
    }

    @Test
    void createStacks_defaults_devAndProdInTheirAccountsAndRegions() {
        assertThat(dev.getAccount()).isEqualTo("111111111111");
        assertThat(dev.getRegion()).isEqualTo("us-east-2");
        assertThat(prod.getAccount()).isEqualTo("333333333333");
        assertThat(prod.getRegion()).isEqualTo("us-east-1");
    }

    @Test
    void createStacks_cliCredentialsSynthesizer_needsNoBootstrap() {
        // no BootstrapVersion parameter/rule: deployable into an account that was never bootstrapped
        Map<String, Object> json = devTemplate.toJSON();
        assertThat(json).doesNotContainKey("Rules");
        assertThat(json.getOrDefault("Parameters", Map.of()).toString()).doesNotContain("BootstrapVersion");
    }

    @Test
    void readOnlyRole_defaults_pluginDefaultNameReadOnlyAccessTrustingSharedServicesRoot() {
        devTemplate.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "cdk-readOnlyRole",
                "AssumeRolePolicyDocument", trustOf("222222222222"),
                "ManagedPolicyArns", List.of(managedPolicy("ReadOnlyAccess"))));
    }

    @Test
    void writeRole_defaults_pluginDefaultNameAdministratorAccessTrustingSharedServicesRoot() {
        prodTemplate.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", "cdk-writeRole",
                "AssumeRolePolicyDocument", trustOf("222222222222"),
                "ManagedPolicyArns", List.of(managedPolicy("AdministratorAccess"))));
        prodTemplate.resourceCountIs("AWS::IAM::Role", 2);
        assertThat(prodTemplate.findOutputs("*").keySet()).containsExactlyInAnyOrder("ReadOnlyRoleArn", "WriteRoleArn");
    }

    @Test
    void roles_externalIdInContext_bothTrustPoliciesRequireIt() {
        Map<String, Object> condition = Map.of("StringEquals", Map.of("sts:ExternalId", "cdkj-ext-42"));
        for (String name : List.of("cdk-readOnlyRole", "cdk-writeRole")) {
            externalIdTemplate.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "RoleName", name,
                    "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                            "Principal", principalOf("444444444444"),
                            "Condition", condition)))))));
        }
    }

    @Test
    void roles_pluginRoleNameContext_sameNamesAsThePluginWithAccountFilledIn() {
        renamedTemplate.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "lookup-333333333333"));
        renamedTemplate.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "deploy-333333333333"));
    }

    @Test
    void createStacks_malformedTrustedAccount_failsNamingTheContextKey() {
        App app = new App(AppProps.builder().context(Map.of("trustedAccount", "shared-services")).build());
        assertThatThrownBy(() -> RequiredResourcesApp.createStacks(app))
                .hasMessageContaining("trustedAccount").hasMessageContaining("shared-services");
    }

    private static Object trustOf(String account) {
        return Match.objectLike(Map.of("Statement", List.of(Map.of(
                "Action", "sts:AssumeRole",
                "Effect", "Allow",
                "Principal", principalOf(account)))));
    }

    private static Object principalOf(String account) {
        return Map.of("AWS", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":iam::" + account + ":root"))));
    }

    private static Object managedPolicy(String name) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":iam::aws:policy/" + name)));
    }
}
