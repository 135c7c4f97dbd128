package io.cdkj.toolkit.cli;

import io.cdkj.localaws.LaptopProfiles;
import io.cdkj.localaws.LaptopProfiles.Account;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link LaptopDeployScenario} on a laptop with one {@code role_arn} profile per account, each sourced
 * from one profile with keys (moto honours AssumeRole into any account).
 */
class RoleLaptopDeployIT extends LaptopDeployScenario {

    @Override
    LaptopProfiles.Shell writeLaptop(Path home) throws Exception {
        return LaptopProfiles.writeRoles(home, moto, List.of(new Account("dev-admin", DEV, "Admin"),
                new Account("prod-admin", PROD, "Admin")), "us-east-1");
    }
}
