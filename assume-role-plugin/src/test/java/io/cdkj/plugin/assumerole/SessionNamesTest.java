package io.cdkj.plugin.assumerole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.Mode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionNamesTest {

    @Test
    void defaultFor_assumedRoleCaller_usesItsSessionName() {
        assertThat(SessionNames.defaultFor(Mode.READ,
                Optional.of("arn:aws:sts::222222222222:assumed-role/pipeline/ci-job-42")))
                .isEqualTo("cdkj-read-ci-job-42");
    }

    @Test
    void defaultFor_iamUserAndRoot_useUserNameAndRoot() {
        assertThat(SessionNames.defaultFor(Mode.WRITE, Optional.of("arn:aws:iam::222222222222:user/ops/alice")))
                .isEqualTo("cdkj-write-alice");
        assertThat(SessionNames.defaultFor(Mode.WRITE, Optional.of("arn:aws:iam::222222222222:root")))
                .isEqualTo("cdkj-write-root");
    }

    @Test
    void defaultFor_ssoSessionWithEmail_keepsAllowedCharacters() {
        assertThat(SessionNames.defaultFor(Mode.READ,
                Optional.of("arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Admin_0123/alice@example.com")))
                .isEqualTo("cdkj-read-alice@example.com");
    }

    @Test
    void defaultFor_longOrOddCaller_isSanitizedTruncatedAndValid() {
        String name = SessionNames.defaultFor(Mode.READ,
                Optional.of("arn:aws:sts::222222222222:assumed-role/r/" + "x".repeat(60) + "#!"));

        assertThat(name).hasSize(64).startsWith("cdkj-read-xxx").matches(SessionNames.VALID);
        assertThat(SessionNames.defaultFor(Mode.READ, Optional.of("arn:aws:sts::1:federated-user/a b")))
                .isEqualTo("cdkj-read-a-b");
    }

    @Test
    void defaultFor_unknownCaller_namesMode() {
        assertThat(SessionNames.defaultFor(Mode.READ, Optional.empty())).isEqualTo("cdkj-read");
    }

    @Test
    void validate_tooShortOrTooLong_fails() {
        assertThatThrownBy(() -> SessionNames.validate("a", "k"))
                .isInstanceOf(CredentialProviderException.class).hasMessageContaining("k is 'a'");
        assertThatThrownBy(() -> SessionNames.validate("a".repeat(65), "k")).hasMessageContaining("2 to 64");
        assertThat(SessionNames.validate("ok=1,a.b@c-d_e+f", "k")).isEqualTo("ok=1,a.b@c-d_e+f");
    }
}
