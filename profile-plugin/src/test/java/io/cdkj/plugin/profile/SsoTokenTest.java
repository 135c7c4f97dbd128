package io.cdkj.plugin.profile;

import static io.cdkj.plugin.profile.Laptop.DEV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.SsoTokenCache;
import io.cdkj.plugin.CredentialProviderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IAM Identity Center token check before the SDK is asked: which login a profile depends on,
 * where its token is cached, and the login command when it is missing or expired. The clock is fixed;
 * the token files are written the way {@code aws sso login} names them.
 */
class SsoTokenTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String START_URL = "https://corp.awsapps.com/start";

    @TempDir
    Path dir;

    private Path home;
    private AwsProfiles profiles;

    @BeforeEach
    void givenSessionLegacyAndChainedProfiles() {
        home = dir.resolve("home");
        Laptop laptop = new Laptop(dir.resolve("aws"), home)
                .config("[sso-session corp]\nsso_start_url = " + START_URL + "\nsso_region = us-east-1\n"
                        + "[profile dev]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = Admin\n"
                        + "[profile dev-legacy]\nsso_start_url = " + START_URL + "\nsso_region = us-east-1\n"
                        + "sso_account_id = " + DEV + "\nsso_role_name = Admin\n"
                        + "[profile dev-deploy]\nrole_arn = arn:aws:iam::" + DEV + ":role/Deploy\nsource_profile = dev\n"
                        + "[profile broken]\nsso_session = nowhere\nsso_account_id = " + DEV + "\nsso_role_name = Admin\n"
                        + "[profile keys]\nrole_arn = arn:aws:iam::" + DEV + ":role/Deploy\nsource_profile = root");
        profiles = AwsProfiles.load(laptop.configuration(Map.of()));
    }

    private SsoLogin login(String profile) {
        return SsoLogin.behind(profile, profiles).orElseThrow();
    }

    @Test
    void behind_sessionProfile_cachesUnderTheSha1OfTheSessionName() {
        assertThat(login("dev")).isEqualTo(new SsoLogin("dev", java.util.Optional.of("corp"),
                SsoTokenCache.file(home, "corp")));
        assertThat(login("dev").cacheFile().getFileName().toString())
                .as("SHA-1 of corp, as sha1sum prints it").isEqualTo("ee0bfd2552fbd840c02cc48b6e823320543c450f.json");
    }

    @Test
    void behind_legacyProfile_cachesUnderTheSha1OfTheStartUrl() {
        assertThat(login("dev-legacy").cacheFile()).isEqualTo(SsoTokenCache.file(home, START_URL));
        assertThat(login("dev-legacy").loginCommand()).isEqualTo("aws sso login --profile dev-legacy");
    }

    @Test
    void behind_roleProfileSourcedFromSso_isTheSsoProfileAtTheRoot() {
        assertThat(login("dev-deploy").profile()).isEqualTo("dev");
        assertThat(SsoLogin.behind("keys", profiles)).isEmpty();
    }

    @Test
    void behind_sessionWithoutItsSection_failsSayingSo() {
        assertThatThrownBy(() -> SsoLogin.behind("broken", profiles))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("profile broken names sso_session nowhere, but ")
                .hasMessageEndingWith("has no [sso-session nowhere] section with an sso_start_url; run aws configure sso-session");
    }

    @Test
    void requireUsable_validToken_passes() throws Exception {
        SsoTokenCache.write(home, "corp", "fake-access-token", NOW.plusSeconds(600), START_URL, "us-east-1");

        assertThatCode(() -> SsoToken.requireUsable(login("dev"), CLOCK)).doesNotThrowAnyException();
    }

    @Test
    void requireUsable_missingToken_failsWithTheSessionLogin() {
        assertThatThrownBy(() -> SsoToken.requireUsable(login("dev-deploy"), CLOCK))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessage("profile dev (sso-session corp) is not logged in: there is no IAM Identity Center (SSO) token for "
                        + "it in " + home.resolve(".aws/sso/cache") + ". Run: aws sso login --sso-session corp");
    }

    @Test
    void requireUsable_expiredLegacyToken_failsWithTheProfileLogin() throws Exception {
        Path file = SsoTokenCache.write(home, START_URL, "fake-access-token", NOW.minusSeconds(1), START_URL, "us-east-1");

        assertThatThrownBy(() -> SsoToken.requireUsable(login("dev-legacy"), CLOCK))
                .hasMessage("profile dev-legacy is not logged in: its IAM Identity Center (SSO) token expired at "
                        + "2030-01-01T11:59:59Z (" + file + "). Run: aws sso login --profile dev-legacy")
                .hasMessageNotContaining("fake-access-token");
    }

    @Test
    void requireUsable_expiredSessionTokenWithRefreshToken_passesForTheSdkToRefresh() throws Exception {
        Path file = SsoTokenCache.file(home, "corp");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"accessToken\": \"old\", \"expiresAt\": \"2030-01-01T11:00:00Z\", "
                + "\"refreshToken\": \"r\", \"clientId\": \"c\", \"clientSecret\": \"s\", "
                + "\"registrationExpiresAt\": \"2030-03-01T00:00:00Z\"}");

        assertThatCode(() -> SsoToken.requireUsable(login("dev"), CLOCK)).doesNotThrowAnyException();
    }

    @Test
    void requireUsable_expiredClientRegistration_failsWithTheLogin() throws Exception {
        Path file = SsoTokenCache.file(home, "corp");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"accessToken\": \"old\", \"expiresAt\": \"2030-01-01T11:00:00Z\", "
                + "\"refreshToken\": \"r\", \"clientId\": \"c\", \"clientSecret\": \"s\", "
                + "\"registrationExpiresAt\": \"2029-12-01T00:00:00Z\"}");

        assertThatThrownBy(() -> SsoToken.requireUsable(login("dev"), CLOCK))
                .hasMessageEndingWith("Run: aws sso login --sso-session corp");
    }

    @Test
    void requireUsable_corruptTokenFile_failsWithTheLogin() throws Exception {
        Path file = SsoTokenCache.file(home, "corp");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> SsoToken.requireUsable(login("dev"), CLOCK))
                .hasMessage("profile dev (sso-session corp) is not logged in: its IAM Identity Center (SSO) token file "
                        + file + " cannot be read. Run: aws sso login --sso-session corp");
    }
}
