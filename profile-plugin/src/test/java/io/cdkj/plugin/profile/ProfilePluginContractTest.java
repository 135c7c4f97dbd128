package io.cdkj.plugin.profile;

import io.cdkj.plugin.CredentialProviderSource;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import io.cdkj.plugin.testing.CredentialProviderSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs the cdkj plugin contract against the profile plugin: declining an account no profile acts in,
 * and serving one whose static keys declare the account ({@code aws_account_id}), without network.
 */
class ProfilePluginContractTest extends CredentialProviderSourceContractTest {

    private final Path dir;

    ProfilePluginContractTest() {
        try {
            dir = Files.createTempDirectory("profile-plugin-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected CredentialProviderSource createSource() {
        return new ProfilePlugin();
    }

    @Override
    protected String expectedName() {
        return "profile";
    }

    @Override
    protected CredentialRequest declinedRequest(CountingIdentityProvider base) {
        Laptop laptop = new Laptop(dir.resolve("declined"), dir.resolve("declined-home"))
                .config("[profile prod-admin]\nrole_arn = arn:aws:iam::" + Laptop.PROD + ":role/Admin\nsource_profile = root");
        return request(Laptop.DEV, Mode.READ, base).configuration(laptop.configuration(java.util.Map.of())).build();
    }

    @Override
    protected Optional<CredentialRequest> servableRequest(CountingIdentityProvider base) {
        Laptop laptop = new Laptop(dir.resolve("servable"), dir.resolve("servable-home"))
                .credentials("[dev-keys]\naws_access_key_id = AKIDPROFILECONTRACT1\n"
                        + "aws_secret_access_key = profileContractSecret0000000000000000000\n"
                        + "aws_account_id = " + Laptop.DEV);
        return Optional.of(request(Laptop.DEV, Mode.WRITE, base).configuration(laptop.configuration(java.util.Map.of())).build());
    }
}
