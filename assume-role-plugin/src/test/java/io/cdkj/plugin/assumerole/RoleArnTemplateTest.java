package io.cdkj.plugin.assumerole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderException;
import org.junit.jupiter.api.Test;

class RoleArnTemplateTest {

    private static final String KEY = "assume-role-credentials:readIamRoleName";

    @Test
    void expand_nameWithPath_becomesRoleArnWithPath() {
        RoleArnTemplate template = RoleArnTemplate.roleName("cdk/lookup-{REGION}", KEY);

        assertThat(template.expand("111111111111", "eu-west-1", "aws"))
                .isEqualTo("arn:aws:iam::111111111111:role/cdk/lookup-eu-west-1");
    }

    @Test
    void roleName_unknownPlaceholder_failsListingKnownOnes() {
        assertThatThrownBy(() -> RoleArnTemplate.roleName("cdk-{ACCOUNT}", KEY))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining(KEY + " is 'cdk-{ACCOUNT}'")
                .hasMessageContaining("{ACCOUNT}")
                .hasMessageContaining("{ACCOUNT_ID}, {REGION}, {PARTITION}");
    }

    @Test
    void roleName_givenAnArn_failsPointingToArnKey() {
        assertThatThrownBy(() -> RoleArnTemplate.roleName("arn:aws:iam::111111111111:role/x", KEY))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("is a role ARN")
                .hasMessageContaining("readRoleArn");
    }

    @Test
    void roleName_invalidCharactersOrTooLong_fails() {
        assertThatThrownBy(() -> RoleArnTemplate.roleName("my role", KEY))
                .hasMessageContaining("'my role'").hasMessageContaining("not a valid IAM role name");
        assertThatThrownBy(() -> RoleArnTemplate.roleName("r".repeat(65), KEY))
                .hasMessageContaining("not a valid IAM role name");
        assertThatThrownBy(() -> RoleArnTemplate.roleName("", KEY))
                .hasMessageContaining("not a valid IAM role name");
    }

    @Test
    void roleArn_notARoleArn_failsWithExample() {
        assertThatThrownBy(() -> RoleArnTemplate.roleArn("arn:aws:iam::111111111111:user/alice", "k"))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("'arn:aws:iam::111111111111:user/alice'")
                .hasMessageContaining("arn:{PARTITION}:iam::{ACCOUNT_ID}:role/cdk-readOnlyRole");
        assertThatThrownBy(() -> RoleArnTemplate.roleArn("arn:aws:iam::1111:role/x", "k"))
                .hasMessageContaining("not an IAM role ARN");
    }

    @Test
    void expand_fixedArnInTargetAccount_isKept() {
        RoleArnTemplate template = RoleArnTemplate.roleArn("arn:aws:iam::333333333333:role/team/deploy", "k");

        assertThat(template.expand("333333333333", "us-east-1", "aws")).isEqualTo("arn:aws:iam::333333333333:role/team/deploy");
    }
}
