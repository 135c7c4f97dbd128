package io.cdkj.plugin.assumerole;

import static io.cdkj.plugin.assumerole.Requests.DEV;
import static io.cdkj.plugin.assumerole.Requests.PROD;
import static io.cdkj.plugin.assumerole.Requests.SHARED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** STS clients are shared per (STS region, source credentials) and owned until close. */
@ExtendWith(MotoExtension.class)
class RoleSessionsTest {

    private final StaticCredentialsProvider caller;

    RoleSessionsTest(MotoServer moto) {
        caller = StaticCredentialsProvider.create(moto.callerIn(SHARED));
    }

    private static AssumeRoleSettings settings(String account, String region) {
        CredentialRequest request = CredentialRequest.builder()
                .account(account).region(region).partition("aws").mode(Mode.READ)
                .configuration(Configuration.of(Map.of(), Map.of()))
                .baseCredentials(StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDUNUSED", "unused-secret")))
                .build();
        return AssumeRoleSettings.resolve(SettingsParser.parse(request.configuration()), request);
    }

    @Test
    void open_sameRegionTwice_sharesOneStsClient_otherRegionGetsItsOwn() {
        try (RoleSessions sessions = new RoleSessions()) {
            sessions.open(settings(DEV, "us-east-2"), caller, Optional.empty());
            sessions.open(settings(PROD, "us-east-2"), caller, Optional.empty());
            assertThat(sessions.stsClientCount()).isEqualTo(1);

            sessions.open(settings(PROD, "us-east-1"), caller, Optional.empty());
            assertThat(sessions.stsClientCount()).isEqualTo(2);
        }
    }

    @Test
    void open_otherSourceCredentials_getsItsOwnClient() {
        try (RoleSessions sessions = new RoleSessions()) {
            sessions.open(settings(DEV, "us-east-2"), caller, Optional.empty());
            sessions.open(settings(DEV, "us-east-2"), StaticCredentialsProvider.create(caller.resolveCredentials()),
                    Optional.empty());

            assertThat(sessions.stsClientCount()).isEqualTo(2);
        }
    }

    @Test
    void open_afterClose_isRefused() {
        RoleSessions sessions = new RoleSessions();
        sessions.close();
        sessions.close();

        assertThatThrownBy(() -> sessions.open(settings(DEV, "us-east-2"), caller, Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
    }
}
