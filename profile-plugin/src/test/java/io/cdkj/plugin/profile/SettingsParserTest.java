package io.cdkj.plugin.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.Mode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's context keys are validated as a whole, each error naming the key and the value. */
class SettingsParserTest {

    private static ProfileSettings parse(Map<String, ?> context) {
        return SettingsParser.parse(Configuration.of(context, Map.of()));
    }

    @Test
    void defaults_preferReadOnlyForReadAndAdminForWrite_ignoringCase() {
        ProfileSettings settings = parse(Map.of());

        assertThat(settings.rolePattern(Mode.READ).matcher("cdk-readOnlyRole").find()).isTrue();
        assertThat(settings.rolePattern(Mode.READ).matcher("ViewOnlyAccess").find()).isTrue();
        assertThat(settings.rolePattern(Mode.READ).matcher("AdministratorAccess").find()).isFalse();
        assertThat(settings.rolePattern(Mode.WRITE).matcher("AdministratorAccess").find()).isTrue();
        assertThat(settings.rolePattern(Mode.WRITE).matcher("PowerUserAccess").find()).isTrue();
        assertThat(settings.rolePattern(Mode.WRITE).matcher("cdk-hnb659fds-deploy-role").find()).isTrue();
        assertThat(settings.accounts()).isEmpty();
    }

    @Test
    void unknownKey_isRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> parse(Map.of("profile:account", Map.of())))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessage("profile:account is not a setting of the profile plugin; the known keys are: "
                        + "profile:accounts, profile:readRolePattern, profile:writeRolePattern");
    }

    @Test
    void accountKeyThatIsNotAnAccountId_isRejected() {
        assertThatThrownBy(() -> parse(Map.of("profile:accounts", Map.of("1111", "dev"))))
                .hasMessage("profile:accounts has the key '1111', which is not an AWS account id: an account id is exactly "
                        + "12 digits, e.g. 111111111111");
    }

    @Test
    void perModeEntryWithAnotherKey_isRejected() {
        assertThatThrownBy(() -> parse(Map.of("profile:accounts", Map.of("111111111111", Map.of("deploy", "dev")))))
                .hasMessage("profile:accounts.111111111111 has the key 'deploy'; a per-mode mapping has only \"read\" and \"write\"");
    }

    @Test
    void entryOfTheWrongType_isRejectedWithItsType() {
        assertThatThrownBy(() -> parse(Map.of("profile:accounts", Map.of("111111111111", List.of("dev")))))
                .hasMessage("profile:accounts.111111111111 must be a profile name or {\"read\": NAME, \"write\": NAME}, "
                        + "but it is a list [dev]");
        assertThatThrownBy(() -> parse(Map.of("profile:accounts", "{\"111111111111\": 7}")))
                .hasMessage("profile:accounts.111111111111 must be a profile name or {\"read\": NAME, \"write\": NAME}, "
                        + "but it is the value 7");
    }

    @Test
    void accountsStringThatIsNotJson_isRejected() {
        assertThatThrownBy(() -> parse(Map.of("profile:accounts", "111111111111=dev")))
                .hasMessage("profile:accounts is the string '111111111111=dev', which is not a JSON object; give it as "
                        + "{\"111111111111\": \"dev-admin\"}");
    }

    @Test
    void invalidPattern_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> parse(Map.of("profile:writeRolePattern", "Admin(")))
                .hasMessageStartingWith("profile:writeRolePattern is 'Admin(', which is not a regular expression (");
    }
}
