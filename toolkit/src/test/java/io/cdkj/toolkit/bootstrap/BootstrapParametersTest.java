package io.cdkj.toolkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options and the current bootstrap stack merged into template parameters, as the Node CLI merges them. */
class BootstrapParametersTest {

    private static final BootstrapTemplate TEMPLATE = BootstrapTemplate.bundled();
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";

    @TempDir
    Path dir;

    @Test
    void resolve_firstBootstrapWithoutOptions_trustsNobodyWarnsOfAdministratorAndUsesTheAwsManagedKey() {
        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().build(), Optional.empty());

        // then
        assertThat(plan.parameters()).containsExactly(entry("Qualifier", "hnb659fds"), entry("TrustedAccounts", ""),
                entry("TrustedAccountsForLookup", ""), entry("CloudFormationExecutionPolicies", ""),
                entry("FileAssetsBucketName", ""), entry("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY"),
                entry("PublicAccessBlockConfiguration", "true"), entry("DenyExternalId", "true"),
                entry("PluginRoles", "false"), entry("BootstrapVariant", "cdkj: Default Resources"));
        assertThat(plan.warnings()).singleElement().asString()
                .contains("arn:aws:iam::aws:policy/AdministratorAccess", "--cloudformation-execution-policies");
        assertThat(plan.notes()).contains("trusted accounts for deployment: (none)", "trusted accounts for lookup: (none)");
        assertThat(plan.terminationProtection()).isFalse();
        assertThat(plan.tags()).isEmpty();
    }

    @Test
    void resolve_trustWithPolicies_setsThemInTemplateOrder() {
        // given
        BootstrapOptions options = BootstrapOptions.builder().trust(List.of("222222222222", "333333333333"))
                .trustForLookup(List.of("444444444444")).executionPolicies(List.of(ADMIN)).qualifier("team1")
                .bucketName("my-assets").denyExternalId(false).tags(Map.of("team", "platform"))
                .terminationProtection(true).build();

        // when
        BootstrapPlan plan = resolve(options, Optional.empty());

        // then
        assertThat(plan.parameters()).containsExactly(entry("Qualifier", "team1"),
                entry("TrustedAccounts", "222222222222,333333333333"), entry("TrustedAccountsForLookup", "444444444444"),
                entry("CloudFormationExecutionPolicies", ADMIN), entry("FileAssetsBucketName", "my-assets"),
                entry("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY"), entry("PublicAccessBlockConfiguration", "true"),
                entry("DenyExternalId", "false"), entry("PluginRoles", "false"),
                entry("BootstrapVariant", "cdkj: Default Resources"));
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.notes()).contains("trusted accounts for deployment: 222222222222, 333333333333",
                "execution policies: " + ADMIN);
        assertThat(plan.terminationProtection()).isTrue();
        assertThat(plan.tags()).contains(Map.of("team", "platform"));
    }

    @Test
    void resolve_trustWithoutPolicies_failsNamingTheOptionAndTheAccounts() {
        // given
        BootstrapOptions options = BootstrapOptions.builder().trust(List.of("222222222222")).build();

        // then
        assertThatThrownBy(() -> resolve(options, Optional.empty()))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("--cloudformation-execution-policies is required when trusting accounts (222222222222)")
                .hasMessageContaining("arn:aws:iam::aws:policy/AdministratorAccess")
                .extracting(e -> ((ToolkitException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void resolve_trustWhenTheStackAlreadyHasPolicies_keepsThem() {
        // given
        CurrentBootstrap current = current(Map.of("CloudFormationExecutionPolicies", POWER_USER));

        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().trust(List.of("222222222222")).build(), Optional.of(current));

        // then
        assertThat(plan.parameters()).contains(entry("CloudFormationExecutionPolicies", POWER_USER),
                entry("TrustedAccounts", "222222222222"));
    }

    @Test
    void resolve_rerunWithoutOptions_keepsEveryCurrentValue() {
        // given: a stack bootstrapped before with trust, a qualifier, a bucket and a new key
        CurrentBootstrap current = current(Map.of("Qualifier", "team1", "TrustedAccounts", "222222222222,333333333333",
                "TrustedAccountsForLookup", "444444444444", "CloudFormationExecutionPolicies", ADMIN,
                "FileAssetsBucketName", "my-assets", "FileAssetsBucketKmsKeyId", "", "DenyExternalId", "false",
                "PluginRoles", "true", "BootstrapVariant", "cdkj: Default Resources"));

        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().build(), Optional.of(current));

        // then
        assertThat(plan.parameters()).containsOnly(entry("Qualifier", "team1"),
                entry("TrustedAccounts", "222222222222,333333333333"), entry("TrustedAccountsForLookup", "444444444444"),
                entry("CloudFormationExecutionPolicies", ADMIN), entry("FileAssetsBucketName", "my-assets"),
                entry("FileAssetsBucketKmsKeyId", ""), entry("PublicAccessBlockConfiguration", "true"),
                entry("DenyExternalId", "false"), entry("PluginRoles", "true"),
                entry("BootstrapVariant", "cdkj: Default Resources"));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void resolve_trustGiven_replacesTheCurrentListAsTheNodeCliDoes() {
        // given
        CurrentBootstrap current = current(Map.of("TrustedAccounts", "222222222222,333333333333",
                "CloudFormationExecutionPolicies", ADMIN));

        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().trust(List.of("555555555555")).build(), Optional.of(current));

        // then
        assertThat(plan.parameters()).contains(entry("TrustedAccounts", "555555555555"));
    }

    @Test
    void resolve_untrust_removesFromTheCurrentListsOnly() {
        // given
        CurrentBootstrap current = current(Map.of("TrustedAccounts", "222222222222,333333333333",
                "TrustedAccountsForLookup", "333333333333,444444444444", "CloudFormationExecutionPolicies", ADMIN));

        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().untrust(List.of("333333333333")).build(),
                Optional.of(current));

        // then
        assertThat(plan.parameters()).contains(entry("TrustedAccounts", "222222222222"),
                entry("TrustedAccountsForLookup", "444444444444"));
    }

    @Test
    void resolve_untrustingTheLastAccount_letsTheDefaultPolicyApplyAgain() {
        // given
        CurrentBootstrap current = current(Map.of("TrustedAccounts", "222222222222"));

        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().untrust(List.of("222222222222")).build(),
                Optional.of(current));

        // then
        assertThat(plan.parameters()).contains(entry("TrustedAccounts", ""));
        assertThat(plan.warnings()).singleElement().asString().contains("AdministratorAccess");
    }

    @Test
    void resolve_kmsKey_givenCustomerKeyOrCurrentOrAwsManaged() {
        CurrentBootstrap withNewKey = current(Map.of("FileAssetsBucketKmsKeyId", ""));
        assertThat(kms(BootstrapOptions.builder().kmsKeyId("alias/mine").build(), Optional.of(withNewKey)))
                .isEqualTo("alias/mine");
        assertThat(kms(BootstrapOptions.builder().customerKey(true).build(), Optional.empty())).isEmpty();
        assertThat(kms(BootstrapOptions.builder().customerKey(false).build(), Optional.of(withNewKey)))
                .isEqualTo("AWS_MANAGED_KEY");
        assertThat(kms(BootstrapOptions.builder().build(), Optional.of(withNewKey))).isEmpty();
        assertThat(kms(BootstrapOptions.builder().build(), Optional.of(current(Map.of())))).isEqualTo("AWS_MANAGED_KEY");
    }

    @Test
    void resolve_publicAccessBlockNotGiven_isTrueEvenWhenItWasTurnedOff() {
        // given
        CurrentBootstrap current = current(Map.of("PublicAccessBlockConfiguration", "false"));

        // then
        assertThat(resolve(BootstrapOptions.builder().build(), Optional.of(current)).parameters())
                .contains(entry("PublicAccessBlockConfiguration", "true"));
        assertThat(resolve(BootstrapOptions.builder().publicAccessBlock(false).build(), Optional.of(current)).parameters())
                .contains(entry("PublicAccessBlockConfiguration", "false"));
    }

    @Test
    void resolve_terminationProtection_givenElseCurrent() {
        CurrentBootstrap protectedStack = new CurrentBootstrap("CDKToolkit", Map.of(), true, 33,
                "cdkj: Default Resources", "CREATE_COMPLETE", Map.of());
        assertThat(resolve(BootstrapOptions.builder().build(), Optional.of(protectedStack)).terminationProtection()).isTrue();
        assertThat(resolve(BootstrapOptions.builder().terminationProtection(false).build(), Optional.of(protectedStack))
                .terminationProtection()).isFalse();
    }

    @Test
    void resolve_takingOverAnotherVariant_neverKeepsItsVariant() {
        // given: the Node CLI's stack, replaced with --force
        CurrentBootstrap nodeStack = current(Map.of("BootstrapVariant", "AWS CDK: Default Resources",
                "InputPermissionsBoundary", "", "Qualifier", "hnb659fds"));

        // when
        BootstrapPlan plan = resolve(BootstrapOptions.builder().force(true).build(), Optional.of(nodeStack));

        // then: the template's own variant applies; parameters it does not declare are dropped
        assertThat(plan.parameters()).doesNotContainKey("InputPermissionsBoundary")
                .contains(entry("Qualifier", "hnb659fds"), entry("BootstrapVariant", "cdkj: Default Resources"));
    }

    @Test
    void resolve_pluginRoles_needTrustedAccounts() {
        // given
        BootstrapOptions options = BootstrapOptions.builder().pluginRoles(true).build();

        // then
        assertThatThrownBy(() -> BootstrapParameters.resolve(options, TEMPLATE, Optional.empty(), Optional.of(true), "aws"))
                .isInstanceOf(ToolkitException.class).hasMessageContaining("--with-plugin-roles needs trusted accounts");
        BootstrapPlan placed = BootstrapParameters.resolve(BootstrapOptions.builder().pluginRoles(true)
                        .trust(List.of("222222222222")).executionPolicies(List.of(ADMIN)).build(),
                TEMPLATE, Optional.empty(), Optional.of(true), "aws");
        assertThat(placed.parameters()).contains(entry("PluginRoles", "true"));
    }

    @Test
    void resolve_optionsTheCustomTemplateCannotTake_failNamingTheTemplate() throws Exception {
        // given: a template derived from an older CDK one, without DenyExternalId or PluginRoles
        Path file = Files.writeString(dir.resolve("old.yaml"), """
                Parameters:
                  TrustedAccounts: {Type: CommaDelimitedList, Default: ''}
                  CloudFormationExecutionPolicies: {Type: CommaDelimitedList, Default: ''}
                Resources:
                  CdkBootstrapVersion: {Type: AWS::SSM::Parameter, Properties: {Type: String, Name: /v, Value: '8'}}
                """);
        BootstrapTemplate old = BootstrapTemplate.read(file);

        // then
        assertThatThrownBy(() -> BootstrapParameters.resolve(BootstrapOptions.builder().denyExternalId(true).build(),
                old, Optional.empty(), Optional.empty(), "aws"))
                .hasMessageContaining("--[no-]deny-external-id needs a template declaring the DenyExternalId parameter")
                .hasMessageContaining(file.toString());
        BootstrapPlan plan = BootstrapParameters.resolve(BootstrapOptions.builder().qualifier("x").build(), old,
                Optional.empty(), Optional.empty(), "aws");
        assertThat(plan.parameters()).containsOnlyKeys("TrustedAccounts", "CloudFormationExecutionPolicies");
    }

    @Test
    void resolve_anotherPartition_namesItsAdministratorPolicy() {
        assertThat(BootstrapParameters.resolve(BootstrapOptions.builder().build(), TEMPLATE, Optional.empty(),
                Optional.empty(), "aws-cn").warnings()).singleElement().asString()
                .contains("arn:aws-cn:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void split_emptyAndBlankAreNoAccounts() {
        assertThat(BootstrapParameters.split("")).isEmpty();
        assertThat(BootstrapParameters.split(null)).isEmpty();
        assertThat(BootstrapParameters.split("1, 2,,3")).containsExactly("1", "2", "3");
    }

    private static String kms(BootstrapOptions options, Optional<CurrentBootstrap> current) {
        return resolve(options, current).parameters().get("FileAssetsBucketKmsKeyId");
    }

    private static BootstrapPlan resolve(BootstrapOptions options, Optional<CurrentBootstrap> current) {
        return BootstrapParameters.resolve(options, TEMPLATE, current, Optional.empty(), "aws");
    }

    private static CurrentBootstrap current(Map<String, String> parameters) {
        return new CurrentBootstrap("CDKToolkit", parameters, false, 33, "cdkj: Default Resources", "UPDATE_COMPLETE", Map.of());
    }
}
