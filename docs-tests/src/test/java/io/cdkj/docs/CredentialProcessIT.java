package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * docs/credential-process.md's profiles work: the config block is used verbatim (only the launcher's
 * path is this repository's), its {@code credential_process} command is run as an AWS tool runs it, and
 * the credentials it prints act in the profile's account (checked with STS against moto).
 */
@ExtendWith(MotoExtension.class)
class CredentialProcessIT {

    private static final String DOC = "docs/credential-process.md";
    private static final Pattern CONFIG_BLOCK = Pattern.compile(
            "<!-- credential-process-config -->\\n```ini\\n(.*?)\\n```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MotoServer moto;

    CredentialProcessIT(MotoServer moto) {
        this.moto = moto;
    }

    @ParameterizedTest
    @CsvSource({"cdkj-dev, 111111111111, cdk-readOnlyRole", "cdkj-prod-deploy, 333333333333, cdk-writeRole"})
    void profile_credentialProcess_printsCredentialsForItsAccount(String profile, String account, String role)
            throws Exception {
        Matcher block = CONFIG_BLOCK.matcher(Repository.read(DOC));
        assertThat(block.find()).as("the marked config block in %s", DOC).isTrue();
        String config = block.group(1).replace("/opt/cdkj/bin/cdkj", Repository.path("bin/cdkj").toString());
        Path configFile = Files.writeString(dir.resolve("config"), config + "\n");
        Path credentialsFile = Files.writeString(dir.resolve("credentials"), "[ci-user]\naws_access_key_id = "
                + moto.rootKeys().accessKeyId() + "\naws_secret_access_key = " + moto.rootKeys().secretAccessKey() + "\n");
        String command = commandOf(config, profile);

        Command.Result result = Command.run(dir, Map.of(
                "AWS_CONFIG_FILE", configFile.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentialsFile.toString(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "HOME", dir.toString()), Duration.ofMinutes(2), List.of("sh", "-c", command));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain(moto.rootKeys().secretAccessKey());
        JsonNode printed = JSON.readTree(result.out());
        assertThat(printed.get("Version").asInt()).isEqualTo(1);
        assertThat(printed.get("Expiration").asText()).isNotBlank();
        AwsSessionCredentials credentials = AwsSessionCredentials.create(printed.get("AccessKeyId").asText(),
                printed.get("SecretAccessKey").asText(), printed.get("SessionToken").asText());
        try (StsClient sts = moto.stsClient(credentials)) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertThat(identity.account()).isEqualTo(account);
            assertThat(identity.arn()).contains(":assumed-role/" + role + "/");
        }
    }

    private static String commandOf(String config, String profile) {
        Matcher section = Pattern.compile("\\[profile " + Pattern.quote(profile) + "\\]\\n(?:[^\\[]*\\n)?credential_process = ([^\\n]+)")
                .matcher(config);
        assertThat(section.find()).as("credential_process of profile %s in %s", profile, DOC).isTrue();
        return section.group(1);
    }
}
