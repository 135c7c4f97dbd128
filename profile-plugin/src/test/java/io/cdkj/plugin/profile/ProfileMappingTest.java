package io.cdkj.plugin.profile;

import static io.cdkj.plugin.profile.Laptop.DEV;
import static io.cdkj.plugin.profile.Laptop.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit {@code profile:accounts} mappings come before discovery, for both modes or per mode. */
class ProfileMappingTest {

    @TempDir
    Path dir;

    private Laptop laptop;
    private final ProfilePlugin plugin = new ProfilePlugin();

    @BeforeEach
    void givenProfilesForDev() {
        laptop = new Laptop(dir.resolve("aws"), dir.resolve("home"))
                .config("[profile dev-admin]\nrole_arn = arn:aws:iam::" + DEV + ":role/Admin\nsource_profile = root\n"
                        + "[profile dev-ro]\nrole_arn = arn:aws:iam::" + DEV + ":role/ReadOnly\nsource_profile = root\n"
                        + "[profile tooling]\ncredential_process = /usr/local/bin/get-credentials");
    }

    private Choice.Chosen choose(CredentialRequest request) {
        return (Choice.Chosen) plugin.choose(request);
    }

    @Test
    void mapping_oneProfileForBothModes_winsOverDiscovery() {
        Map<String, Object> context = Map.of("profile:accounts", Map.of(DEV, "tooling"));

        assertThat(choose(laptop.request(DEV, Mode.READ, context)).profile()).isEqualTo("tooling");
        assertThat(choose(laptop.request(DEV, Mode.WRITE, context)))
                .isEqualTo(new Choice.Chosen("tooling", "mapped by profile:accounts.111111111111"));
    }

    @Test
    void mapping_perMode_mapsEachModeAndLeavesTheOtherToDiscovery() {
        Map<String, Object> context = Map.of("profile:accounts", Map.of(DEV, Map.of("write", "tooling")));

        assertThat(choose(laptop.request(DEV, Mode.WRITE, context)))
                .isEqualTo(new Choice.Chosen("tooling", "mapped by profile:accounts.111111111111.write"));
        assertThat(choose(laptop.request(DEV, Mode.READ, context)).profile()).as("discovered by role name").isEqualTo("dev-ro");
    }

    @Test
    void mapping_givenAsJsonThroughContextFlag_isParsed() {
        Map<String, Object> context = Map.of("profile:accounts", "{\"" + PROD + "\": {\"read\": \"tooling\"}}");

        assertThat(choose(laptop.request(PROD, Mode.READ, context)).profile()).isEqualTo("tooling");
    }

    @Test
    void mapping_toAMissingProfile_failsNamingTheKeyAndTheFiles() {
        Map<String, Object> context = Map.of("profile:accounts", Map.of(DEV, Map.of("read", "dev-typo")));

        assertThatThrownBy(() -> plugin.canProvideCredentials(laptop.request(DEV, Mode.READ, context)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessage("profile:accounts.111111111111.read names the profile 'dev-typo', which is not in "
                        + laptop.configFile() + " and " + laptop.credentialsFile()
                        + "; fix the mapping or add the profile (aws configure sso --profile dev-typo)");
    }

    @Test
    void mapping_ofAnotherAccount_doesNotApply() {
        Map<String, Object> context = Map.of("profile:accounts", Map.of(PROD, "tooling"));

        assertThat(choose(laptop.request(DEV, Mode.WRITE, context)).profile()).isEqualTo("dev-admin");
    }
}
