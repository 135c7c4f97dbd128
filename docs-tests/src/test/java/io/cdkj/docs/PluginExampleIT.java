package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin guide's example ({@code examples/profile-plugin}, built by the reactor as its own jar)
 * loaded through the real {@code bin/cdkj} launcher the ways docs/writing-a-plugin.md describes:
 * dropped into {@code ./plugins}, or named in {@code CDKJ_PLUGIN_PATH}; and used against moto.
 */
@ExtendWith(MotoExtension.class)
class PluginExampleIT {

    private static final Path JAR = Repository.path("examples/profile-plugin/target/profile-per-account-plugin-1.0.0.jar");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path project;

    private final MotoServer moto;

    PluginExampleIT(MotoServer moto) {
        this.moto = moto;
    }

    private Command.Result cdkj(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Repository.path("bin/cdkj").toString()));
        command.addAll(List.of(args));
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("HOME", project.toString()); // no ~/.cdkj/plugins of the developer's
        Command.Result result = Command.run(project, environment, TIMEOUT, command);
        Secrets.assertNone(result.all(), moto.rootKeys().secretAccessKey());
        return result;
    }

    @Test
    void plugins_jarDroppedIntoPluginsDirectory_isListedAsAvailable() throws Exception {
        Path dropped = Files.copy(JAR, Files.createDirectories(project.resolve("plugins")).resolve(JAR.getFileName()));

        Command.Result result = cdkj(Map.of(), "plugins");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("profile-per-account\\s+available\\s+no\\s+" + Pattern.quote(dropped.toString()))
                .containsPattern("assume-role\\s+available");
    }

    @Test
    void plugins_jarInPluginPathVariable_isListedAsAvailable() throws Exception {
        Command.Result result = cdkj(Map.of("CDKJ_PLUGIN_PATH", JAR.toString()), "plugins");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("profile-per-account\\s+available\\s+no\\s+" + Pattern.quote(JAR.toString()));
    }

    @Test
    void credentials_mappedProfile_givesCredentialsInTheTargetAccount() throws Exception {
        Map<String, String> env = awsFiles();

        Command.Result result = cdkj(env, "credentials", "--plugin", "profile-per-account",
                "-c", "profile-per-account:111111111111=dev-admin",
                "--account", "111111111111", "--region", "us-east-2", "--mode", "read");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("profile-per-account", "arn:aws:sts::111111111111:assumed-role/admin/");
    }

    @Test
    void credentials_unmappedAccount_failsWithThePluginsReason() throws Exception {
        Map<String, String> env = awsFiles();

        Command.Result result = cdkj(env, "credentials", "--plugin", "profile-per-account",
                "-c", "profile-per-account:111111111111=dev-admin",
                "--account", "333333333333", "--region", "us-east-1", "--mode", "write");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("Need to perform AWS calls for account 333333333333",
                "profile-per-account (no profile-per-account:333333333333 in the context)");
    }

    /** The guide's setup: the toolkit runs with root keys of moto's default account; dev-admin chains into 111111111111. */
    private Map<String, String> awsFiles() throws Exception {
        Path config = project.resolve("aws-config");
        Path credentials = project.resolve("aws-credentials");
        Files.writeString(config, "[profile dev-admin]\nrole_arn = arn:aws:iam::111111111111:role/admin\n"
                + "source_profile = root\nregion = us-east-2\n");
        Files.writeString(credentials, "[root]\naws_access_key_id = " + moto.rootKeys().accessKeyId()
                + "\naws_secret_access_key = " + moto.rootKeys().secretAccessKey() + "\n");
        return Map.of(
                "CDKJ_PLUGIN_PATH", JAR.toString(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                "AWS_ACCESS_KEY_ID", moto.rootKeys().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", moto.rootKeys().secretAccessKey());
    }
}
