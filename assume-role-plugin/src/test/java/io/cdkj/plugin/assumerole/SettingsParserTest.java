package io.cdkj.plugin.assumerole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

    private static ParsedConfiguration parse(Map<String, ?> context) {
        return SettingsParser.parse(Configuration.of(context, Map.of()));
    }

    private static ParsedConfiguration parseEnvironment(Map<String, String> environment) {
        return SettingsParser.parse(Configuration.of(Map.of(), environment));
    }

    @Test
    void parse_emptyConfiguration_hasNothingSet() {
        ParsedConfiguration parsed = SettingsParser.parse(Configuration.empty());

        assertThat(parsed.accounts()).isEmpty();
        assertThat(parsed.context()).isEqualTo(ConfigLayer.empty("context"));
        assertThat(parsed.environment()).isEqualTo(ConfigLayer.empty("environment"));
        assertThat(parsed.allowedAccounts()).isEmpty();
        assertThat(parsed.stsRegion()).isEmpty();
    }

    @Test
    void parse_otherNamespaces_areIgnored() {
        ParsedConfiguration parsed = parse(Map.of("@aws-cdk/core:newStyleStackSynthesis", true, "assume-role", "x"));

        assertThat(parsed.context().readRole()).isEmpty();
    }

    @Test
    void parse_typeScriptPluginKeys_areRead() {
        ParsedConfiguration parsed = parse(Map.of(
                "assume-role-credentials:readIamRoleName", "lookup-{ACCOUNT_ID}",
                "assume-role-credentials:writeIamRoleName", "deploy"));

        assertThat(parsed.context().readRole()).get()
                .extracting(RoleArnTemplate::template, RoleArnTemplate::key)
                .containsExactly("lookup-{ACCOUNT_ID}", "assume-role-credentials:readIamRoleName");
        assertThat(parsed.context().writeRole().orElseThrow().template()).isEqualTo("deploy");
    }

    @Test
    void parse_unknownContextKey_failsListingKnownKeys() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:readRoleName", "x")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:readRoleName")
                .hasMessageContaining("'x'")
                .hasMessageContaining("assume-role-credentials:readIamRoleName")
                .hasMessageContaining("assume-role-credentials:readRoleArn")
                .hasMessageContaining("assume-role-credentials:allowedAccounts")
                .hasMessageContaining("assume-role-credentials:accounts");
    }

    @Test
    void parse_unknownEnvironmentVariable_failsListingKnownVariables() {
        assertThatThrownBy(() -> parseEnvironment(Map.of("CDKJ_ASSUME_ROLE_READ_ROLE", "x")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("CDKJ_ASSUME_ROLE_READ_ROLE ")
                .hasMessageContaining("CDKJ_ASSUME_ROLE_READ_ROLE_NAME");
    }

    @Test
    void parse_blankEnvironmentVariable_countsAsUnset() {
        ParsedConfiguration parsed = parseEnvironment(Map.of("CDKJ_ASSUME_ROLE_READ_ROLE_NAME", " ",
                "CDKJ_ASSUME_ROLE_DURATION_SECONDS", ""));

        assertThat(parsed.environment()).isEqualTo(ConfigLayer.empty("environment"));
    }

    @Test
    void parse_roleNameAndArnAtContextLevel_isConflictNamingBothKeys() {
        assertThatThrownBy(() -> parse(Map.of(
                "assume-role-credentials:readIamRoleName", "a",
                "assume-role-credentials:readRoleArn", "arn:aws:iam::{ACCOUNT_ID}:role/b")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:readIamRoleName")
                .hasMessageContaining("assume-role-credentials:readRoleArn")
                .hasMessageContaining("same level (context)");
    }

    @Test
    void parse_roleNameAndArnInOneAccountEntry_isConflictNamingBothKeys() {
        Map<String, Object> entry = Map.of("writeIamRoleName", "a", "writeRoleArn", "arn:aws:iam::111111111111:role/b");

        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:accounts", Map.of("111111111111", entry))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:accounts.111111111111.writeIamRoleName")
                .hasMessageContaining("assume-role-credentials:accounts.111111111111.writeRoleArn");
    }

    @Test
    void parse_roleNameAndArnInEnvironment_isConflictNamingBothVariables() {
        assertThatThrownBy(() -> parseEnvironment(Map.of(
                "CDKJ_ASSUME_ROLE_WRITE_ROLE_NAME", "a",
                "CDKJ_ASSUME_ROLE_WRITE_ROLE_ARN", "arn:aws:iam::{ACCOUNT_ID}:role/b")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("CDKJ_ASSUME_ROLE_WRITE_ROLE_NAME")
                .hasMessageContaining("CDKJ_ASSUME_ROLE_WRITE_ROLE_ARN");
    }

    @Test
    void parse_roleNameInContextAndArnInEnvironment_isNoConflict() {
        ParsedConfiguration parsed = SettingsParser.parse(Configuration.of(
                Map.of("assume-role-credentials:readIamRoleName", "a"),
                Map.of("CDKJ_ASSUME_ROLE_READ_ROLE_ARN", "arn:aws:iam::{ACCOUNT_ID}:role/b")));

        assertThat(parsed.context().readRole().orElseThrow().form()).isEqualTo(RoleArnTemplate.Form.NAME);
        assertThat(parsed.environment().readRole().orElseThrow().form()).isEqualTo(RoleArnTemplate.Form.ARN);
    }

    @Test
    void parse_malformedAccountIdInAccounts_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:accounts", Map.of("11111111111", Map.of()))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:accounts")
                .hasMessageContaining("'11111111111'")
                .hasMessageContaining("12 digits");
    }

    @Test
    void parse_unknownKeyInAccountEntry_failsListingEntryKeys() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:accounts",
                Map.of("111111111111", Map.of("stsRegion", "us-east-1")))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:accounts.111111111111.stsRegion")
                .hasMessageContaining("readIamRoleName, writeIamRoleName, readRoleArn, writeRoleArn, externalId, "
                        + "roleSessionName, durationSeconds");
    }

    @Test
    void parse_accountEntryNotAnObject_failsNamingType() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:accounts", Map.of("111111111111", "cdk-role"))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:accounts.111111111111 must be a JSON object")
                .hasMessageContaining("'cdk-role'");
    }

    @Test
    void parse_accountsAsString_failsNamingType() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:accounts", "{}")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:accounts must be a JSON object");
    }

    @Test
    void parse_malformedAllowedAccount_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:allowedAccounts", List.of("111111111111", "dev"))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:allowedAccounts")
                .hasMessageContaining("'dev'");
    }

    @Test
    void parse_allowedAccountAsNumber_failsAskingForString() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:allowedAccounts", List.of(111111111111L))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:allowedAccounts")
                .hasMessageContaining("111111111111")
                .hasMessageContaining("must be strings");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", " , ", ","})
    void parse_emptyAllowedAccountsVariable_isAConfigurationError(String value) {
        assertThatThrownBy(() -> parseEnvironment(Map.of("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS", value)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageStartingWith("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS is set but lists no account");
    }

    @Test
    void parse_emptyAllowedAccountsInContext_isAConfigurationError() {
        for (Object empty : List.of("", " , ", List.of())) {
            assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:allowedAccounts", empty)))
                    .as("allowedAccounts = %s", empty)
                    .isInstanceOf(CredentialProviderException.class)
                    .hasMessageStartingWith("assume-role-credentials:allowedAccounts is set but lists no account");
        }
    }

    @Test
    void parse_otherBlankVariables_areStillIgnored() {
        ParsedConfiguration parsed = parseEnvironment(Map.of("CDKJ_ASSUME_ROLE_READ_ROLE_NAME", " "));

        assertThat(parsed.environment().readRole()).isEmpty();
    }

    @Test
    void parse_allowedAccountsAsCommaSeparatedString_isAccepted() {
        ParsedConfiguration parsed = parse(Map.of("assume-role-credentials:allowedAccounts", "111111111111, 333333333333"));

        assertThat(parsed.allowedAccounts().orElseThrow().value()).containsExactly("111111111111", "333333333333");
    }

    @Test
    void parse_allowedAccountsFromEnvironment_isUsedWhenContextHasNone() {
        ParsedConfiguration parsed = parseEnvironment(Map.of("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS", "333333333333"));

        assertThat(parsed.allowedAccounts().orElseThrow().key()).isEqualTo("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS");
    }

    @Test
    void parse_durationOutOfRange_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:durationSeconds", 899)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:durationSeconds is 899")
                .hasMessageContaining("900 to 43200");
        assertThatThrownBy(() -> parseEnvironment(Map.of("CDKJ_ASSUME_ROLE_DURATION_SECONDS", "43201")))
                .hasMessageContaining("CDKJ_ASSUME_ROLE_DURATION_SECONDS is 43201");
    }

    @Test
    void parse_durationAsStringFromCommandLine_isAccepted() {
        ParsedConfiguration parsed = parse(Map.of("assume-role-credentials:durationSeconds", "7200"));

        assertThat(parsed.context().durationSeconds().orElseThrow().value()).isEqualTo(7200);
    }

    @Test
    void parse_durationNotANumber_failsNamingValue() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:durationSeconds", "1h")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:durationSeconds is '1h'");
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:durationSeconds", 3600.5)))
                .hasMessageContaining("3600.5");
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:durationSeconds", true)))
                .hasMessageContaining("must be a number, but it is the boolean true");
    }

    @Test
    void parse_invalidSessionName_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:roleSessionName", "ci job #42")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:roleSessionName is 'ci job #42'")
                .hasMessageContaining("2 to 64");
    }

    @Test
    void parse_roleNameOfWrongType_failsNamingType() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:readIamRoleName", List.of("a"))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:readIamRoleName must be a string, but it is a list [a]");
    }

    @Test
    void parse_invalidExternalId_failsWithoutEchoingIt() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:externalId", "has space")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:externalId")
                .hasMessageNotContaining("has space");
    }

    @Test
    void parse_invalidStsRegion_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:stsRegion", "US East")))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("assume-role-credentials:stsRegion is 'US East'");
    }

    @Test
    void parse_invalidSettingInAnotherAccountsEntry_isStillReported() {
        Map<String, Object> accounts = Map.of(
                "111111111111", Map.of("readIamRoleName", "ok"),
                "333333333333", Map.of("durationSeconds", 60));

        assertThatThrownBy(() -> parse(Map.of("assume-role-credentials:accounts", accounts)))
                .hasMessageContaining("assume-role-credentials:accounts.333333333333.durationSeconds is 60");
    }
}
