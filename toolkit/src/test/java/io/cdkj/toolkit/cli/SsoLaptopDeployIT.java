package io.cdkj.toolkit.cli;

import io.cdkj.localaws.LaptopProfiles;
import io.cdkj.localaws.LaptopProfiles.Account;
import io.cdkj.localaws.SsoPortal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link LaptopDeployScenario} on a laptop with one IAM Identity Center profile per account (one
 * {@code sso-session}, logged in). moto has no SSO portal: {@link SsoPortal} (WireMock, the portal's
 * real JSON) answers {@code GetRoleCredentials} with sessions that moto's AssumeRole made in each
 * account, so the credentials the SDK's SSO provider gets act in that account in moto.
 */
class SsoLaptopDeployIT extends LaptopDeployScenario {

    private final SsoPortal portal = SsoPortal.start();

    @Override
    LaptopProfiles.Shell writeLaptop(Path home) throws Exception {
        return LaptopProfiles.writeSso(home, moto, portal, List.of(new Account("dev", DEV, "AdministratorAccess"),
                new Account("prod", PROD, "AdministratorAccess")), "us-east-1", Duration.ofHours(8));
    }

    @AfterAll
    void stopPortal() {
        portal.close();
    }
}
