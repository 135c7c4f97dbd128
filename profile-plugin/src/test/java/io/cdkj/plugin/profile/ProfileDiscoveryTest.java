package io.cdkj.plugin.profile;

import static io.cdkj.plugin.profile.Laptop.DEV;
import static io.cdkj.plugin.profile.Laptop.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which profile a request gets, from the files alone: discovery, mode preference, ambiguity. */
class ProfileDiscoveryTest {

    @TempDir
    Path dir;

    private Laptop laptop;
    private final ProfilePlugin plugin = new ProfilePlugin();

    @BeforeEach
    void givenAnEmptyLaptop() {
        laptop = new Laptop(dir.resolve("aws"), dir.resolve("home"));
    }

    private String chosen(CredentialRequest request) {
        Choice choice = plugin.choose(request);
        assertThat(choice).isInstanceOf(Choice.Chosen.class);
        return ((Choice.Chosen) choice).profile();
    }

    @Test
    void discovery_ssoSessionProfile_isFoundBySsoAccountId() {
        laptop.config("[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
                + "[profile dev]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = AdministratorAccess\n"
                + "[profile prod]\nsso_session = corp\nsso_account_id = " + PROD + "\nsso_role_name = AdministratorAccess");

        assertThat(chosen(laptop.request(DEV, Mode.READ))).isEqualTo("dev");
        assertThat(chosen(laptop.request(PROD, Mode.WRITE))).isEqualTo("prod");
        assertThat(((Choice.Chosen) plugin.choose(laptop.request(DEV, Mode.READ))).reason())
                .isEqualTo("the only profile in account 111111111111 (sso_account_id)");
    }

    @Test
    void discovery_legacySsoProfile_isFoundBySsoAccountId() {
        laptop.config("[profile dev-legacy]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
                + "sso_account_id = " + DEV + "\nsso_role_name = PowerUserAccess");

        assertThat(chosen(laptop.request(DEV, Mode.WRITE))).isEqualTo("dev-legacy");
    }

    @Test
    void discovery_roleProfile_isFoundByTheAccountOfItsRoleArn() {
        laptop.config("[profile dev-deploy]\nrole_arn = arn:aws:iam::" + DEV + ":role/team/cdk-deploy\nsource_profile = root");

        assertThat(chosen(laptop.request(DEV, Mode.WRITE))).isEqualTo("dev-deploy");
        assertThat(plugin.canProvideCredentials(laptop.request(PROD, Mode.WRITE)).canProvide()).isFalse();
    }

    @Test
    void discovery_staticKeysWithAwsAccountId_areFound() {
        laptop.credentials("[dev-keys]\naws_access_key_id = AKIDDISCOVERY000001\naws_secret_access_key = notASecret\n"
                + "aws_account_id = " + DEV);

        assertThat(chosen(laptop.request(DEV, Mode.READ))).isEqualTo("dev-keys");
    }

    @Test
    void discovery_filesUnderHome_areReadWithoutTheFileVariables() throws Exception {
        Path home = dir.resolve("user");
        java.nio.file.Files.createDirectories(home.resolve(".aws"));
        java.nio.file.Files.writeString(home.resolve(".aws/config"),
                "[profile dev]\nrole_arn = arn:aws:iam::" + DEV + ":role/Admin\nsource_profile = root\n");
        CredentialRequest request = laptop.request(DEV, Mode.READ).toBuilder()
                .configuration(io.cdkj.plugin.Configuration.of(Map.of(), Map.of("HOME", home.toString())))
                .build();

        assertThat(chosen(request)).isEqualTo("dev");
    }

    @Test
    void describe_namesTheProfileAndWhyItWasChosen() {
        laptop.config("[profile dev-deploy]\nrole_arn = arn:aws:iam::" + DEV + ":role/team/cdk-deploy\nsource_profile = root");

        assertThat(plugin.describe(laptop.request(DEV, Mode.WRITE)))
                .contains("profile dev-deploy (the only profile in account 111111111111 (role_arn))");
    }

    @Test
    void canProvideCredentials_noProfileInTheAccount_declinesNamingWhatWasSearched() {
        laptop.config("[profile prod]\nrole_arn = arn:aws:iam::" + PROD + ":role/Admin\nsource_profile = root");

        Decision decision = plugin.canProvideCredentials(laptop.request(DEV, Mode.READ));

        assertThat(decision.canProvide()).isFalse();
        assertThat(decision.reason()).isEqualTo("no AWS profile acts in account 111111111111: none of the 1 profiles in "
                + laptop.configFile() + " and " + laptop.credentialsFile()
                + " has an sso_account_id, role_arn or aws_account_id in that account, and profile:accounts does not map it");
    }

    @Test
    void canProvideCredentials_missingFiles_areNamedAsMissing() {
        CredentialRequest request = laptop.request(DEV, Mode.READ).toBuilder()
                .configuration(io.cdkj.plugin.Configuration.of(Map.of(), Map.of("HOME", dir.resolve("nobody").toString())))
                .build();

        assertThat(plugin.canProvideCredentials(request).reason())
                .contains(dir.resolve("nobody/.aws/config") + " (missing) and " + dir.resolve("nobody/.aws/credentials") + " (missing)");
    }

    @Test
    void discovery_roleArnInAnotherPartition_isNotACandidate() {
        laptop.config("[profile cn-dev]\nrole_arn = arn:aws-cn:iam::" + DEV + ":role/Admin\nsource_profile = root");

        assertThat(plugin.canProvideCredentials(laptop.request(DEV, Mode.READ)).canProvide()).isFalse();
    }

    @Test
    void preference_twoSsoRolesInOneAccount_readGetsReadOnlyAndWriteGetsAdministrator() {
        laptop.config("[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
                + "[profile dev-ro]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = ReadOnlyAccess\n"
                + "[profile dev-admin]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = AdministratorAccess");

        assertThat(chosen(laptop.request(DEV, Mode.READ))).isEqualTo("dev-ro");
        assertThat(chosen(laptop.request(DEV, Mode.WRITE))).isEqualTo("dev-admin");
        assertThat(((Choice.Chosen) plugin.choose(laptop.request(DEV, Mode.WRITE))).reason())
                .isEqualTo("role AdministratorAccess matches profile:writeRolePattern 'Admin|PowerUser|Deploy' among 2 "
                        + "profiles in account 111111111111");
    }

    @Test
    void preference_configuredPatterns_replaceTheDefaults() {
        laptop.config("[profile dev-lookup]\nrole_arn = arn:aws:iam::" + DEV + ":role/cdk-lookup\nsource_profile = root\n"
                + "[profile dev-ship]\nrole_arn = arn:aws:iam::" + DEV + ":role/cdk-ship\nsource_profile = root");
        Map<String, String> context = Map.of("profile:readRolePattern", "lookup$", "profile:writeRolePattern", "SHIP");

        assertThat(chosen(laptop.request(DEV, Mode.READ, context))).isEqualTo("dev-lookup");
        assertThat(chosen(laptop.request(DEV, Mode.WRITE, context))).isEqualTo("dev-ship");
    }

    @Test
    void preference_oneProfileWhateverItsRole_isUsedForBothModes() {
        laptop.config("[profile dev-admin]\nrole_arn = arn:aws:iam::" + DEV + ":role/Admin\nsource_profile = root");

        assertThat(chosen(laptop.request(DEV, Mode.READ))).isEqualTo("dev-admin");
    }

    @Test
    void ambiguity_noRoleMatchesTheMode_failsNamingTheCandidatesAndTheKey() {
        laptop.config("[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
                + "[profile dev-billing]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = Billing\n"
                + "[profile dev-ops]\nrole_arn = arn:aws:iam::" + DEV + ":role/Operations\nsource_profile = dev-billing");

        assertThatThrownBy(() -> plugin.canProvideCredentials(laptop.request(DEV, Mode.READ)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessage("2 AWS profiles act in account 111111111111 and the read role pattern (profile:readRolePattern "
                        + "'ReadOnly|ViewOnly') matches none of them: dev-billing (sso_account_id, role Billing), "
                        + "dev-ops (role_arn, role Operations). Choose one with profile:accounts in cdk.json's context, e.g. "
                        + "\"profile:accounts\": {\"111111111111\": {\"read\": \"dev-billing\"}}");
    }

    @Test
    void ambiguity_severalRolesMatchTheMode_failsNamingTheMatches() {
        laptop.config("[profile dev-admin]\nrole_arn = arn:aws:iam::" + DEV + ":role/Admin\nsource_profile = root\n"
                + "[profile dev-deploy]\nrole_arn = arn:aws:iam::" + DEV + ":role/Deployer\nsource_profile = root");

        assertThatThrownBy(() -> plugin.canProvideCredentials(laptop.request(DEV, Mode.WRITE)))
                .hasMessageContaining("matches 2 of them: dev-admin (role_arn, role Admin), dev-deploy (role_arn, role Deployer)")
                .hasMessageContaining("{\"111111111111\": {\"write\": \"dev-admin\"}}");
    }

    @Test
    void ambiguity_isSettledByAMapping() {
        laptop.config("[profile dev-admin]\nrole_arn = arn:aws:iam::" + DEV + ":role/Admin\nsource_profile = root\n"
                + "[profile dev-deploy]\nrole_arn = arn:aws:iam::" + DEV + ":role/Deployer\nsource_profile = root");

        assertThat(chosen(laptop.request(DEV, Mode.WRITE,
                Map.of("profile:accounts", Map.of(DEV, Map.of("write", "dev-deploy")))))).isEqualTo("dev-deploy");
    }
}
