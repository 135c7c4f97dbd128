package io.cdkj.plugin.assumerole;

import static io.cdkj.plugin.assumerole.Requests.DEV;
import static io.cdkj.plugin.assumerole.Requests.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin's decisions, without any network: configuration errors and declines. */
class AssumeRolePluginTest {

    private final CountingIdentityProvider base = CountingIdentityProvider.dummy();

    private CredentialRequest request(String account, Map<String, ?> context, Map<String, String> environment) {
        return Requests.request(account, Mode.READ).baseCredentials(base)
                .configuration(Configuration.of(context, environment)).build();
    }

    @Test
    void canProvideCredentials_accountNotAllowed_declinesNamingAccountAndKey() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            Decision decision = plugin.canProvideCredentials(request(PROD,
                    Map.of("assume-role-credentials:allowedAccounts", List.of(DEV)), Map.of()));

            assertThat(decision.canProvide()).isFalse();
            assertThat(decision.reason())
                    .isEqualTo("account 333333333333 is not in assume-role-credentials:allowedAccounts (111111111111)");
        }
        assertThat(base.resolutions()).isZero();
    }

    @Test
    void canProvideCredentials_accountNotAllowedByEnvironment_namesVariable() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            Decision decision = plugin.canProvideCredentials(request(PROD, Map.of(),
                    Map.of("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS", DEV)));

            assertThat(decision.reason()).contains("333333333333").contains("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS");
        }
    }

    @Test
    void canProvideCredentials_contextAllowedAccounts_overrideEnvironment() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            Decision decision = plugin.canProvideCredentials(request(PROD,
                    Map.of("assume-role-credentials:allowedAccounts", List.of(PROD)),
                    Map.of("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS", DEV)));

            assertThat(decision).isEqualTo(Decision.provide());
        }
    }

    @Test
    void canProvideCredentials_validConfiguration_providesWithoutTouchingCredentials() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            assertThat(plugin.isAvailable()).isTrue();
            assertThat(plugin.canProvideCredentials(request(DEV, Map.of(), Map.of()))).isEqualTo(Decision.provide());
        }
        assertThat(base.resolutions()).isZero();
    }

    @Test
    void canProvideCredentials_invalidConfiguration_throwsNamingKeyAndValue() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            assertThatThrownBy(() -> plugin.canProvideCredentials(request(DEV,
                    Map.of("assume-role-credentials:durationSeconds", 50000), Map.of())))
                    .isInstanceOf(CredentialProviderException.class)
                    .hasMessageContaining("assume-role-credentials:durationSeconds is 50000");
        }
    }

    @Test
    void canProvideCredentials_roleArnForOtherAccount_throwsBeforeAnyCall() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            assertThatThrownBy(() -> plugin.canProvideCredentials(request(PROD,
                    Map.of("assume-role-credentials:readRoleArn", "arn:aws:iam::111111111111:role/lookup"), Map.of())))
                    .isInstanceOf(CredentialProviderException.class)
                    .hasMessageContaining("arn:aws:iam::111111111111:role/lookup");
        }
        assertThat(base.resolutions()).isZero();
    }

    @Test
    void getProvider_declinedAccount_throwsWithTheReason() {
        try (AssumeRolePlugin plugin = new AssumeRolePlugin()) {
            assertThatThrownBy(() -> plugin.getProvider(request(PROD,
                    Map.of("assume-role-credentials:allowedAccounts", List.of(DEV)), Map.of())))
                    .isInstanceOf(CredentialProviderException.class)
                    .hasMessageContaining("account 333333333333 is not in assume-role-credentials:allowedAccounts");
        }
        assertThat(base.resolutions()).isZero();
    }

    @Test
    void getProvider_afterClose_isRefused() {
        AssumeRolePlugin plugin = new AssumeRolePlugin();
        plugin.close();
        plugin.close();

        assertThatThrownBy(() -> plugin.getProvider(request(DEV, Map.of(), Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(base.resolutions()).isZero();
    }

    @Test
    void name_isAssumeRole() {
        assertThat(new AssumeRolePlugin().name()).isEqualTo("assume-role");
    }
}
