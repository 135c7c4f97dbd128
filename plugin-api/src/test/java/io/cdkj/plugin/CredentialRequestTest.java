package io.cdkj.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.testing.CountingIdentityProvider;
import org.junit.jupiter.api.Test;

class CredentialRequestTest {

    private final CountingIdentityProvider base = CountingIdentityProvider.dummy();

    private CredentialRequest.Builder valid() {
        return CredentialRequest.builder().account("111111111111").region("us-east-2").partition("aws")
                .mode(Mode.READ).baseCredentials(base);
    }

    @Test
    void build_keepsEveryField() {
        CredentialRequest request = valid().callerArn("arn:aws:sts::222222222222:assumed-role/pipeline/ci").build();

        assertThat(request.account()).isEqualTo("111111111111");
        assertThat(request.region()).isEqualTo("us-east-2");
        assertThat(request.partition()).isEqualTo("aws");
        assertThat(request.mode()).isEqualTo(Mode.READ);
        assertThat(request.configuration()).isSameAs(Configuration.empty());
        assertThat(request.baseCredentials()).isSameAs(base);
        assertThat(request.callerArn()).contains("arn:aws:sts::222222222222:assumed-role/pipeline/ci");
    }

    @Test
    void build_withMalformedAccount_namesTheValue() {
        assertThatThrownBy(() -> valid().account("11111111111x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11111111111x");
    }

    @Test
    void build_withoutBaseCredentials_namesTheField() {
        assertThatThrownBy(() -> valid().baseCredentials(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("baseCredentials");
    }

    @Test
    void toBuilder_derivesRequestForOtherMode() {
        CredentialRequest read = valid().build();

        CredentialRequest write = read.toBuilder().mode(Mode.WRITE).build();

        assertThat(write.mode()).isEqualTo(Mode.WRITE);
        assertThat(write.account()).isEqualTo(read.account());
        assertThat(write.callerArn()).isEmpty();
    }
}
