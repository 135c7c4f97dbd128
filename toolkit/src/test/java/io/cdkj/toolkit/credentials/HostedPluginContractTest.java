package io.cdkj.toolkit.credentials;

import io.cdkj.localaws.MotoExtension;
import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import io.cdkj.plugin.testing.CredentialProviderSourceContractTest;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.plugins.PluginRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SPI contract run on the real {@code assume-role} plugin as the host uses it: every call through
 * the registry's guard, the provider wrapped in the {@link AccountCheckedProvider} that verifies each
 * key it hands out. The contract's checks — secrets absent from every {@code toString}, credentials
 * acting in the requested account (per STS GetCallerIdentity on moto) — hold for the wrappers too.
 */
@ExtendWith(MotoExtension.class)
class HostedPluginContractTest extends CredentialProviderSourceContractTest {

    private final AwsClientFactory clients = new AwsClientFactory();

    @AfterAll
    void closeClients() {
        clients.close();
    }

    @Override
    protected CredentialProviderSource createSource() {
        return ServiceLoader.load(CredentialProviderSource.class).stream().map(ServiceLoader.Provider::get)
                .filter(source -> source.name().equals("assume-role")).findFirst().orElseThrow();
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

    /** The registry's guarded plugin, its provider checked by account as {@link PluginChain} does. */
    @Override
    protected IdentityProvider<AwsCredentialsIdentity> providerAsUsed(CredentialProviderSource source,
            CredentialRequest request) {
        PluginRegistry registry = PluginRegistry.of(List.of(source));
        CredentialProviderSource guarded = registry.find(source.name()).orElseThrow().source();
        AccountCheckedProvider checked = new AccountCheckedProvider(guarded.getProvider(request), source.name(),
                request.account(), request.mode(), identity -> identify(identity, request.region()), new PluginTrust());
        checked.verifyNow();
        return checked;
    }

    @Override
    protected Optional<String> accountOf(AwsCredentialsIdentity identity) {
        return Optional.of(identify(identity, "us-east-1").account());
    }

    private CallerIdentity identify(AwsCredentialsIdentity identity, String region) {
        var response = clients.create(StsClient.builder(), new FixedIdentity(identity), region).getCallerIdentity();
        return new CallerIdentity(response.account(), response.arn());
    }
}
