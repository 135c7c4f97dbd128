package io.cdkj.plugin.profile;

import static io.cdkj.plugin.profile.Laptop.DEV;
import static io.cdkj.plugin.profile.Laptop.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The plugin against moto with the SDK's own profile providers: a {@code role_arn} +
 * {@code source_profile} profile assumes its role (moto honours AssumeRole into any account), and a
 * {@code credential_process} profile runs its command; each acts in the account it was chosen for.
 */
@ExtendWith(MotoExtension.class)
class ProfilePluginMotoTest {

    @TempDir
    Path dir;

    private final MotoServer moto;
    private final ProfilePlugin plugin = new ProfilePlugin();
    private Laptop laptop;

    ProfilePluginMotoTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void givenALaptopWithRootKeysAndARoleProfile() {
        laptop = new Laptop(dir.resolve("aws"), dir.resolve("home"))
                .credentials("[root]\naws_access_key_id = " + moto.rootKeys().accessKeyId()
                        + "\naws_secret_access_key = " + moto.rootKeys().secretAccessKey())
                .config("[profile dev-admin]\nrole_arn = arn:aws:iam::" + DEV + ":role/Admin\nsource_profile = root\n"
                        + "role_session_name = laptop\nregion = us-east-2");
        AwsCallLog.global().reset();
    }

    private static GetCallerIdentityResponse whoAmI(IdentityProvider<AwsCredentialsIdentity> credentials) {
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void getProvider_roleProfileWithSourceProfile_actsInItsAccountThroughTheSdkProvider() {
        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(laptop.request(DEV, Mode.WRITE));

        assertThat(provider).isInstanceOf(ProfileCredentialsProvider.class);
        List<AwsCall> assumeRoles = AwsCallLog.global().calls().stream()
                .filter(call -> call.operation().equals("AssumeRole")).toList();
        assertThat(assumeRoles).as("resolved once, eagerly, with the source profile's keys").hasSize(1);
        assertThat(assumeRoles.get(0).accessKeyId()).isEqualTo(moto.rootKeys().accessKeyId());
        GetCallerIdentityResponse identity = whoAmI(provider);
        assertThat(identity.account()).isEqualTo(DEV);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + DEV + ":assumed-role/Admin/laptop");
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).as("the SDK provider caches until near expiry").isEqualTo(1);
        ((ProfileCredentialsProvider) provider).close();
    }

    @Test
    void getProvider_credentialProcessProfile_mappedToItsAccount_actsThere() throws Exception {
        AwsSessionCredentials prod = moto.callerIn(PROD, "deployer");
        Path output = Files.writeString(dir.resolve("process-output.json"), "{\"Version\": 1, \"AccessKeyId\": \""
                + prod.accessKeyId() + "\", \"SecretAccessKey\": \"" + prod.secretAccessKey() + "\", \"SessionToken\": \""
                + prod.sessionToken() + "\", \"Expiration\": \"" + prod.expirationTime().orElseThrow() + "\"}");
        laptop.config("[profile prod-ship]\ncredential_process = cat " + output);

        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(laptop.request(PROD, Mode.WRITE,
                Map.of("profile:accounts", Map.of(PROD, "prod-ship"))));

        GetCallerIdentityResponse identity = whoAmI(provider);
        assertThat(identity.account()).isEqualTo(PROD);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + PROD + ":assumed-role/deployer/cdkj-test");
    }

    @Test
    void getProvider_credentialProcessWithAwsAccountId_isDiscovered() throws Exception {
        AwsSessionCredentials prod = moto.callerIn(PROD, "deployer");
        Path output = Files.writeString(dir.resolve("process-output.json"), "{\"Version\": 1, \"AccessKeyId\": \""
                + prod.accessKeyId() + "\", \"SecretAccessKey\": \"" + prod.secretAccessKey() + "\", \"SessionToken\": \""
                + prod.sessionToken() + "\"}");
        laptop.config("[profile prod-ship]\ncredential_process = cat " + output + "\naws_account_id = " + PROD);

        assertThat(whoAmI(plugin.getProvider(laptop.request(PROD, Mode.READ))).account()).isEqualTo(PROD);
    }

    @Test
    void getProvider_roleProfileWithoutItsSourceProfile_failsInOneLineNamingTheProfile() {
        laptop.config("[profile dev-broken]\nrole_arn = arn:aws:iam::" + DEV + ":role/ReadOnly\nsource_profile = missing");

        assertThatThrownBy(() -> plugin.getProvider(laptop.request(DEV, Mode.READ, Map.of("profile:accounts", Map.of(DEV, "dev-broken")))))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageStartingWith("profile dev-broken could not give credentials for account 111111111111 (read): ")
                .hasMessageEndingWith("Fix: check the profile with: aws sts get-caller-identity --profile dev-broken")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining(moto.rootKeys().secretAccessKey());
    }
}
