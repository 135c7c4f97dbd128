package com.example.cdkj.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import io.cdkj.plugin.testing.CredentialProviderSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the cdkj plugin contract against this plugin, plus what it says on dry runs. */
class ProfilePerAccountPluginContractTest extends CredentialProviderSourceContractTest {

    @Override
    protected CredentialProviderSource createSource() {
        return new ProfilePerAccountPlugin();
    }

    @Override
    protected String expectedName() {
        return "profile-per-account";
    }

    @Override
    protected CredentialRequest declinedRequest(CountingIdentityProvider base) {
        return request("111111111111", Mode.READ, base).build();
    }

    @Override
    protected Optional<CredentialRequest> servableRequest(CountingIdentityProvider base) {
        useCredentialsFile("[example-dev]\n"
                + "aws_access_key_id = AKIDEXAMPLEDEV\n"
                + "aws_secret_access_key = example-only-not-a-secret\n");
        Configuration configuration = Configuration.of(
                Map.of("profile-per-account:111111111111", "example-dev"), Map.of());
        return Optional.of(request("111111111111", Mode.WRITE, base).configuration(configuration).build());
    }

    @Test
    void describe_namesTheProfileAndTheContextKey() {
        CredentialRequest request = servableRequest(CountingIdentityProvider.dummy()).orElseThrow();

        assertThat(new ProfilePerAccountPlugin().describe(request))
                .contains("use the AWS profile example-dev (from profile-per-account:111111111111)");
    }

    /** Points the SDK's default profile files at a temporary credentials file (and an empty config). */
    private static void useCredentialsFile(String content) {
        try {
            Path credentials = Files.createTempFile("profile-plugin-credentials", "");
            Files.writeString(credentials, content);
            System.setProperty("aws.sharedCredentialsFile", credentials.toString());
            System.setProperty("aws.configFile", Files.createTempFile("profile-plugin-config", "").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
