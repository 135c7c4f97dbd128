package io.cdkj.plugin.profile;

import static io.cdkj.plugin.profile.Laptop.DEV;
import static io.cdkj.plugin.profile.Laptop.PROD;
import static io.cdkj.plugin.profile.Laptop.SHARED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.SsoPortal;
import io.cdkj.localaws.SsoTokenCache;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * IAM Identity Center profiles through the SDK's own SSO provider, which reads the token that
 * {@code aws sso login} cached in {@code ~/.aws/sso/cache} and calls the portal's
 * {@code GetRoleCredentials}. moto has no SSO portal: {@link SsoPortal} (WireMock, the portal's real
 * JSON) plays it, and answers with credentials the test first got from moto's AssumeRole into the
 * account, so that they really act there in moto (STS stays moto's).
 *
 * <p>The SDK reads the token cache from the process's home, which the build sets to a directory under
 * {@code target/} for this module's tests; each test writes its own session's token there and removes it.
 */
@ExtendWith(MotoExtension.class)
class ProfilePluginSsoTest {

    /** The account of the role profiles sourced from SSO (moto honours AssumeRole into any account). */
    private static final String TOOLS = "444444444444";
    private static final String START_URL = "https://laptop-test.awsapps.com/start";

    private static SsoPortal portal;
    private static AwsSystemProperties portalEndpoint;

    @TempDir
    Path dir;

    private final MotoServer moto;
    private final ProfilePlugin plugin = new ProfilePlugin();
    private final List<Path> tokenFiles = new ArrayList<>();
    private String session;
    private String token;
    private Laptop laptop;

    ProfilePluginSsoTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeAll
    static void startPortal() {
        portal = SsoPortal.start();
        portalEndpoint = AwsSystemProperties.serviceEndpoint("Sso", portal.endpoint());
    }

    @AfterAll
    static void stopPortal() {
        portalEndpoint.close();
        portal.close();
    }

    @BeforeEach
    void givenASessionAndOneSsoProfilePerAccount() {
        session = "corp-" + UUID.randomUUID();
        token = "laptop-access-token-" + UUID.randomUUID();
        laptop = new Laptop(dir.resolve("aws"), Laptop.processHome())
                .config("[sso-session " + session + "]\nsso_start_url = " + START_URL + "\nsso_region = us-east-1\n"
                        + "[profile dev]\nsso_session = " + session + "\nsso_account_id = " + DEV
                        + "\nsso_role_name = AdministratorAccess\n"
                        + "[profile prod-legacy]\nsso_start_url = " + START_URL + "/" + session + "\nsso_region = us-east-1\n"
                        + "sso_account_id = " + PROD + "\nsso_role_name = PowerUserAccess\n"
                        + "[profile shared]\nsso_session = " + session + "\nsso_account_id = " + SHARED
                        + "\nsso_role_name = Pipeline\n"
                        + "[profile tools-deploy]\nrole_arn = arn:aws:iam::" + TOOLS + ":role/cdk-deploy\nsource_profile = shared\n"
                        + "role_session_name = laptop\nregion = us-east-1\n"
                        + "[profile tools-ro]\nrole_arn = arn:aws:iam::" + TOOLS + ":role/ReadOnly\nsource_profile = shared\n");
    }

    @AfterEach
    void removeTokens() throws Exception {
        for (Path file : tokenFiles) {
            Files.deleteIfExists(file);
        }
    }

    private void loggedIn(String cacheKey, Instant expiresAt) throws Exception {
        tokenFiles.add(SsoTokenCache.write(Laptop.processHome(), cacheKey, token, expiresAt, START_URL, "us-east-1"));
    }

    /** The portal's answer for (account, role): a session that moto's AssumeRole made in that account. */
    private void portalGrants(String account, String role) {
        AwsSessionCredentials credentials = moto.callerIn(account, "AWSReservedSSO_" + role + "_0123456789abcdef");
        portal.grant(token, account, role, credentials);
    }

    private static GetCallerIdentityResponse whoAmI(IdentityProvider<AwsCredentialsIdentity> credentials) {
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void getProvider_ssoSessionProfile_getsRoleCredentialsFromThePortalThatActInTheAccount() throws Exception {
        loggedIn(session, Instant.now().plusSeconds(3600));
        portalGrants(DEV, "AdministratorAccess");
        int before = portal.roleCredentialRequests();

        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(laptop.request(DEV, Mode.WRITE));

        assertThat(portal.roleCredentialRequests() - before).as("resolved once, before returning").isEqualTo(1);
        GetCallerIdentityResponse identity = whoAmI(provider);
        assertThat(identity.account()).isEqualTo(DEV);
        assertThat(identity.arn()).contains(":assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/");
        assertThat(portal.roleCredentialRequests() - before).as("cached by the SDK provider").isEqualTo(1);
    }

    @Test
    void describe_loggedInSsoProfile_namesItsSessionWithoutCallingThePortal() throws Exception {
        loggedIn(session, Instant.now().plusSeconds(3600));
        int before = portal.roleCredentialRequests();

        assertThat(plugin.describe(laptop.request(DEV, Mode.READ))).contains("profile dev (the only profile in account "
                + DEV + " (sso_account_id)), IAM Identity Center sso-session " + session);
        assertThat(portal.roleCredentialRequests()).isEqualTo(before);
    }

    @Test
    void describe_expiredToken_failsWithTheLoginCommand() throws Exception {
        loggedIn(session, Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> plugin.describe(laptop.request(DEV, Mode.READ)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageEndingWith(". Run: aws sso login --sso-session " + session);
    }

    @Test
    void getProvider_legacySsoProfile_readsTheTokenOfItsStartUrl() throws Exception {
        loggedIn(START_URL + "/" + session, Instant.now().plusSeconds(3600));
        portalGrants(PROD, "PowerUserAccess");

        assertThat(whoAmI(plugin.getProvider(laptop.request(PROD, Mode.WRITE))).account()).isEqualTo(PROD);
    }

    @Test
    void getProvider_roleProfileSourcedFromSso_assumesItsRoleWithThePortalsCredentials() throws Exception {
        loggedIn(session, Instant.now().plusSeconds(3600));
        portalGrants(SHARED, "Pipeline");

        GetCallerIdentityResponse identity = whoAmI(plugin.getProvider(laptop.request(TOOLS, Mode.WRITE)));

        assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + TOOLS + ":assumed-role/cdk-deploy/laptop");
    }

    @Test
    void getProvider_expiredToken_failsWithTheLoginCommandWithoutCallingThePortal() throws Exception {
        loggedIn(session, Instant.now().minusSeconds(60));
        int before = portal.roleCredentialRequests();

        assertThatThrownBy(() -> plugin.getProvider(laptop.request(DEV, Mode.READ)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageStartingWith("profile dev (sso-session " + session + ") is not logged in: its IAM Identity Center "
                        + "(SSO) token expired at ")
                .hasMessageEndingWith(". Run: aws sso login --sso-session " + session)
                .hasMessageNotContaining(token)
                .hasMessageNotContaining("\n");
        assertThat(portal.roleCredentialRequests()).isEqualTo(before);
    }

    @Test
    void getProvider_expiredLegacyToken_namesTheProfileToLogIn() throws Exception {
        loggedIn(START_URL + "/" + session, Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> plugin.getProvider(laptop.request(PROD, Mode.READ)))
                .hasMessageEndingWith(". Run: aws sso login --profile prod-legacy");
    }

    @Test
    void getProvider_roleProfileWhoseSsoSourceIsLoggedOut_namesTheSessionToLogIn() {
        assertThatThrownBy(() -> plugin.getProvider(laptop.request(TOOLS, Mode.READ)))
                .hasMessage("profile shared (sso-session " + session + ") is not logged in: there is no IAM Identity Center "
                        + "(SSO) token for it in " + Laptop.processHome().resolve(".aws/sso/cache")
                        + ". Run: aws sso login --sso-session " + session);
    }

    @Test
    void getProvider_tokenThePortalRefuses_failsWithTheLoginCommand() throws Exception {
        loggedIn(session, Instant.now().plusSeconds(3600));

        assertThatThrownBy(() -> plugin.getProvider(laptop.request(DEV, Mode.WRITE)))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessage("profile dev (sso-session " + session + ") is not logged in: IAM Identity Center refused its token "
                        + "(Sso error UnauthorizedException (Session token not found or invalid)). Run: aws sso login "
                        + "--sso-session " + session);
    }

    @Test
    void getProvider_requestHomeOtherThanTheProcesses_failsRatherThanReadAnotherTokenCache() throws Exception {
        Path otherHome = dir.resolve("other-home");
        tokenFiles.add(SsoTokenCache.write(otherHome, session, token, Instant.now().plusSeconds(3600), START_URL, "us-east-1"));
        Laptop elsewhere = new Laptop(dir.resolve("aws"), otherHome).config("[sso-session " + session + "]\nsso_start_url = "
                + START_URL + "\nsso_region = us-east-1\n[profile dev]\nsso_session = " + session + "\nsso_account_id = "
                + DEV + "\nsso_role_name = AdministratorAccess");

        assertThatThrownBy(() -> plugin.getProvider(elsewhere.request(DEV, Mode.WRITE)))
                .hasMessage("profile dev (sso-session " + session + ") needs the IAM Identity Center token cache of HOME "
                        + otherHome + ", but the AWS SDK reads the one of this process's home " + Laptop.processHome()
                        + "; run cdkj with HOME=" + otherHome);
    }
}
