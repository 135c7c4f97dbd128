package io.cdkj.plugin.assumerole;

import io.cdkj.localaws.MotoExtension;
import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import io.cdkj.plugin.testing.CredentialProviderSourceContractTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SPI contract, with {@code getProvider} exercised for real against moto (the extension points
 * every SDK client in the JVM at it, so the plugin's own STS clients need no endpoint code).
 */
@ExtendWith(MotoExtension.class)
class AssumeRolePluginContractTest extends CredentialProviderSourceContractTest {

    @Override
    protected CredentialProviderSource createSource() {
        return new AssumeRolePlugin();
    }

    @Override
    protected String expectedName() {
        return "assume-role";
    }

    @Override
    protected CredentialRequest declinedRequest(CountingIdentityProvider base) {
        return request("333333333333", Mode.READ, base)
                .configuration(Configuration.of(
                        Map.of("assume-role-credentials:allowedAccounts", List.of("111111111111")), Map.of()))
                .build();
    }

    /** The contract's dummy keys act in moto's default account; moto lets them assume any role. */
    @Override
    protected Optional<CredentialRequest> servableRequest(CountingIdentityProvider base) {
        return Optional.of(request("111111111111", Mode.WRITE, base).build());
    }
}
