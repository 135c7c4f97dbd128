package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.LaptopProfiles;
import io.cdkj.localaws.LaptopProfiles.Account;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.SsoPortal;
import io.cdkj.toolkit.testing.Launcher;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled {@code profile} plugin through the real {@code bin/cdkj}, on a "laptop": a HOME whose
 * {@code ~/.aws/config} has one profile per account and nothing about cdkj, no credentials in the
 * environment. STS is moto's; the IAM Identity Center portal, which moto lacks, is {@link SsoPortal}
 * (WireMock with the portal's real JSON), granting sessions that moto's AssumeRole made in each
 * account so that they act there.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class ProfilePluginLaptopIT {

    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final List<Account> SSO_ACCOUNTS = List.of(
            new Account("dev", DEV, "AdministratorAccess"), new Account("prod", PROD, "AdministratorAccess"));

    private static SsoPortal portal;

    @TempDir
    Path dir;

    private final MotoServer moto;

    ProfilePluginLaptopIT(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeAll
    static void startPortal() {
        portal = SsoPortal.start();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    private Path project() throws Exception {
        return Files.createDirectories(dir.resolve("project"));
    }

    @Test
    void plugins_listsTheBundledProfilePlugin() throws Exception {
        Launcher.Result result = Launcher.run(project(), Map.of("HOME", dir.toString()), 120, "plugins");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("profile\\s+available\\s+no\\s+\\S*profile-plugin-[^/]*\\.jar");
    }

    private static LaptopProfiles.Shell registered(LaptopProfiles.Shell shell) {
        shell.secrets().forEach(SecretGuard::register);
        return shell;
    }

    @Test
    void credentials_ssoLaptop_eachAccountFromItsOwnProfile() throws Exception {
        LaptopProfiles.Shell laptop = registered(LaptopProfiles.writeSso(dir.resolve("home"), moto, portal, SSO_ACCOUNTS,
                "us-east-1", Duration.ofHours(8)));

        for (String account : List.of(DEV, PROD)) {
            Launcher.Result result = Launcher.run(project(), laptop.environment(), 120,
                    "credentials", "--plugin", "profile", "--account", account, "--region", "us-east-1", "--mode", "write");

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.out()).contains("Source:                plugin profile",
                    "Acting as:             arn:aws:sts::" + account + ":assumed-role/AWSReservedSSO_AdministratorAccess_",
                    "Resulting account:     " + account);
        }
    }

    @Test
    void credentials_roleProfileLaptop_eachAccountFromItsOwnRole() throws Exception {
        LaptopProfiles.Shell laptop = registered(LaptopProfiles.writeRoles(dir.resolve("home"), moto,
                List.of(new Account("dev-deploy", DEV, "deployer"), new Account("prod-deploy", PROD, "deployer")), "us-east-1"));

        Launcher.Result result = Launcher.run(project(), laptop.environment(), 120,
                "credentials", "--plugin", "profile", "--account", PROD, "--region", "us-east-1", "--mode", "read");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Acting as:             arn:aws:sts::" + PROD + ":assumed-role/deployer/laptop");
    }

    @Test
    void credentials_twoProfilesForOneAccount_failsNamingBoth() throws Exception {
        LaptopProfiles.Shell laptop = registered(LaptopProfiles.writeSso(dir.resolve("home"), moto, portal, List.of(
                new Account("dev", DEV, "AdministratorAccess"), new Account("dev-billing", DEV, "Billing")),
                "us-east-1", Duration.ofHours(8)));

        Launcher.Result result = Launcher.run(project(), laptop.environment(), 120,
                "credentials", "--plugin", "profile", "--account", DEV, "--region", "us-east-1", "--mode", "read");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("2 AWS profiles act in account 111111111111 and the read role pattern "
                + "(profile:readRolePattern 'ReadOnly|ViewOnly') matches none of them: dev (sso_account_id, role "
                + "AdministratorAccess), dev-billing (sso_account_id, role Billing)", "\"profile:accounts\": {\"111111111111\": "
                + "{\"read\": \"dev\"}}");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void credentials_expiredSsoToken_failsWithTheLoginCommand() throws Exception {
        LaptopProfiles.Shell laptop = registered(LaptopProfiles.writeSso(dir.resolve("home"), moto, portal, SSO_ACCOUNTS,
                "us-east-1", Duration.ofHours(-1)));

        Launcher.Result result = Launcher.run(project(), laptop.environment(), 120,
                "credentials", "--plugin", "profile", "--account", DEV, "--region", "us-east-1", "--mode", "read");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("profile dev (sso-session cdkj-laptop) is not logged in: its IAM Identity Center "
                + "(SSO) token expired at ", "Run: aws sso login --sso-session cdkj-laptop");
        assertThat(result.err().strip().lines()).hasSize(1);
    }
}
