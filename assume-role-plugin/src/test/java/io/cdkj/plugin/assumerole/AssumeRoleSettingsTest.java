package io.cdkj.plugin.assumerole;

import static io.cdkj.plugin.assumerole.Requests.DEV;
import static io.cdkj.plugin.assumerole.Requests.PROD;
import static io.cdkj.plugin.assumerole.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssumeRoleSettingsTest {

    private static AssumeRoleSettings resolve(CredentialRequest request) {
        return AssumeRoleSettings.resolve(SettingsParser.parse(request.configuration()), request);
    }

    @Test
    void resolve_nothingConfigured_usesDefaultRolesAndSessionSettings() {
        AssumeRoleSettings read = resolve(request(DEV, Mode.READ, Map.of()));
        AssumeRoleSettings write = resolve(request(DEV, Mode.WRITE, Map.of()));

        assertThat(read.roleArn()).isEqualTo("arn:aws:iam::111111111111:role/cdk-readOnlyRole");
        assertThat(read.defaultRole()).isTrue();
        assertThat(write.roleArn()).isEqualTo("arn:aws:iam::111111111111:role/cdk-writeRole");
        assertThat(read.durationSeconds()).isEqualTo(3600);
        assertThat(read.externalId()).isEmpty();
        assertThat(read.roleSessionName()).isEqualTo("cdkj-read-ci-job-42");
        assertThat(write.roleSessionName()).isEqualTo("cdkj-write-ci-job-42");
        assertThat(read.stsRegion()).as("the target region's STS endpoint").isEqualTo("us-east-2");
    }

    @Test
    void resolve_typeScriptPluginNameWithAccountPlaceholder_expandsIt() {
        AssumeRoleSettings settings = resolve(request(PROD, Mode.WRITE,
                Map.of("assume-role-credentials:writeIamRoleName", "deploy-{ACCOUNT_ID}")));

        assertThat(settings.roleArn()).isEqualTo("arn:aws:iam::333333333333:role/deploy-333333333333");
        assertThat(settings.roleKey()).isEqualTo("assume-role-credentials:writeIamRoleName");
    }

    @Test
    void resolve_arnWithAllPlaceholders_expandsThemInChinaPartition() {
        CredentialRequest request = request(DEV, Mode.READ)
                .region("cn-north-1").partition("aws-cn")
                .configuration(io.cdkj.plugin.Configuration.of(Map.of("assume-role-credentials:readRoleArn",
                        "arn:{PARTITION}:iam::{ACCOUNT_ID}:role/lookup-{REGION}"), Map.of()))
                .build();

        assertThat(resolve(request).roleArn()).isEqualTo("arn:aws-cn:iam::111111111111:role/lookup-cn-north-1");
    }

    @Test
    void resolve_roleName_usesRequestPartition() {
        CredentialRequest request = request(DEV, Mode.READ).region("us-gov-west-1").partition("aws-us-gov").build();

        assertThat(resolve(request).roleArn()).isEqualTo("arn:aws-us-gov:iam::111111111111:role/cdk-readOnlyRole");
    }

    @Test
    void resolve_contextAndEnvironment_contextWins() {
        AssumeRoleSettings settings = resolve(request(DEV, Mode.READ,
                Map.of("assume-role-credentials:readIamRoleName", "from-context",
                        "assume-role-credentials:durationSeconds", 1800),
                Map.of("CDKJ_ASSUME_ROLE_READ_ROLE_NAME", "from-env",
                        "CDKJ_ASSUME_ROLE_DURATION_SECONDS", "7200",
                        "CDKJ_ASSUME_ROLE_SESSION_NAME", "env-session")));

        assertThat(settings.roleArn()).endsWith(":role/from-context");
        assertThat(settings.durationSeconds()).isEqualTo(1800);
        assertThat(settings.roleSessionName()).as("not set in context: falls to environment").isEqualTo("env-session");
    }

    @Test
    void resolve_environmentOnly_overridesDefaults() {
        AssumeRoleSettings settings = resolve(request(DEV, Mode.WRITE, Map.of(),
                Map.of("CDKJ_ASSUME_ROLE_WRITE_ROLE_ARN", "arn:aws:iam::{ACCOUNT_ID}:role/env-deploy",
                        "CDKJ_ASSUME_ROLE_EXTERNAL_ID", "env-external-id",
                        "CDKJ_ASSUME_ROLE_STS_REGION", "us-west-2")));

        assertThat(settings.roleArn()).isEqualTo("arn:aws:iam::111111111111:role/env-deploy");
        assertThat(settings.roleKey()).isEqualTo("CDKJ_ASSUME_ROLE_WRITE_ROLE_ARN");
        assertThat(settings.externalId()).contains("env-external-id");
        assertThat(settings.stsRegion()).isEqualTo("us-west-2");
    }

    @Test
    void resolve_accountOverride_winsOverContextForThatAccountOnly() {
        Map<String, Object> context = Map.of(
                "assume-role-credentials:readRoleArn", "arn:aws:iam::{ACCOUNT_ID}:role/context-lookup",
                "assume-role-credentials:externalId", "context-id",
                "assume-role-credentials:accounts", Map.of(PROD, Map.of(
                        "readIamRoleName", "prod-lookup",
                        "roleSessionName", "prod-session",
                        "durationSeconds", 900)));

        AssumeRoleSettings prod = resolve(request(PROD, Mode.READ, context));
        AssumeRoleSettings dev = resolve(request(DEV, Mode.READ, context));

        assertThat(prod.roleArn()).as("a per-account name beats a context ARN").isEqualTo("arn:aws:iam::333333333333:role/prod-lookup");
        assertThat(prod.roleKey()).isEqualTo("assume-role-credentials:accounts.333333333333.readIamRoleName");
        assertThat(prod.roleSessionName()).isEqualTo("prod-session");
        assertThat(prod.durationSeconds()).isEqualTo(900);
        assertThat(prod.externalId()).as("not overridden: from context").contains("context-id");
        assertThat(dev.roleArn()).isEqualTo("arn:aws:iam::111111111111:role/context-lookup");
        assertThat(dev.roleSessionName()).isEqualTo("cdkj-read-ci-job-42");
    }

    @Test
    void resolve_accountOverrideForOtherMode_leavesThisModeToLowerLevels() {
        Map<String, Object> context = Map.of("assume-role-credentials:accounts",
                Map.of(DEV, Map.of("writeIamRoleName", "dev-deploy")));

        assertThat(resolve(request(DEV, Mode.READ, context)).roleArn()).endsWith(":role/cdk-readOnlyRole");
        assertThat(resolve(request(DEV, Mode.WRITE, context)).roleArn()).endsWith(":role/dev-deploy");
    }

    @Test
    void resolve_arnInOtherPartition_failsNamingKeyAndPartitions() {
        CredentialRequest request = request(DEV, Mode.READ,
                Map.of("assume-role-credentials:readRoleArn", "arn:aws-cn:iam::{ACCOUNT_ID}:role/x"));

        assertThatThrownBy(() -> resolve(request))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:readRoleArn")
                .hasMessageContaining("partition aws-cn")
                .hasMessageContaining("account 111111111111 in region us-east-2 is in partition aws");
    }

    @Test
    void resolve_arnInOtherAccount_failsNamingBothAccounts() {
        CredentialRequest request = request(PROD, Mode.READ,
                Map.of("assume-role-credentials:readRoleArn", "arn:aws:iam::111111111111:role/x"));

        assertThatThrownBy(() -> resolve(request))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:readRoleArn")
                .hasMessageContaining("account 111111111111")
                .hasMessageContaining("account 333333333333")
                .hasMessageContaining("{ACCOUNT_ID}");
    }

    @Test
    void resolve_stsRegionInOtherPartition_failsUsingRegionMetadata() {
        CredentialRequest request = request(DEV, Mode.READ, Map.of("assume-role-credentials:stsRegion", "cn-north-1"));

        assertThatThrownBy(() -> resolve(request))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:stsRegion is 'cn-north-1', a region in partition aws-cn")
                .hasMessageContaining("partition aws");
    }

    @Test
    void resolve_noCallerArn_defaultSessionNameNamesMode() {
        CredentialRequest request = request(DEV, Mode.WRITE).callerArn(null).build();

        assertThat(resolve(request).roleSessionName()).isEqualTo("cdkj-write");
    }

    @Test
    void toString_hidesExternalId() {
        AssumeRoleSettings settings = resolve(request(DEV, Mode.READ,
                Map.of("assume-role-credentials:externalId", "tenant-7-external")));

        assertThat(settings.toString()).doesNotContain("tenant-7-external").contains("externalId=(set)");
        assertThat(settings.externalId()).isEqualTo(Optional.of("tenant-7-external"));
    }
}
