package io.cdkj.toolkit.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.Secrets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SecretRememberingProviderTest {

    @Test
    void everyResolution_isMasked_theRefreshesAfterTheFirstIncluded() {
        String run = UUID.randomUUID().toString().replace("-", "");
        AtomicInteger refreshes = new AtomicInteger();
        // A session that renews on every resolution, as the SDK's STS providers do when it goes stale.
        AwsCredentialsProvider renewing = () -> {
            int n = refreshes.incrementAndGet();
            return AwsSessionCredentials.create("ASIA" + n, "secret-" + n + "-" + run, "token-" + n + "-" + run);
        };
        SecretRememberingProvider provider = new SecretRememberingProvider(renewing);

        provider.resolveCredentials();
        AwsSessionCredentialsIdentity renewed = (AwsSessionCredentialsIdentity) provider.resolveIdentity().join();

        assertThat(refreshes).hasValue(2);
        assertThat(Secrets.redact("first secret-1-" + run + " token-1-" + run)).isEqualTo("first **** ****");
        assertThat(Secrets.redact("renewed " + renewed.secretAccessKey() + " " + renewed.sessionToken()))
                .isEqualTo("renewed **** ****");
        assertThat(Secrets.redact("not resolved secret-3-" + run)).contains("secret-3-" + run);
    }
}
