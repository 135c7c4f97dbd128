package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.plugins.MisbehavingPlugins;
import io.cdkj.toolkit.plugins.MisbehavingPlugins.Action;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * What only a real process shows, through {@code bin/cdkj} (after {@code package}, failsafe) with plugin
 * jars in {@code ./plugins}: a plugin's {@code System.exit} ends the command with the plugin error
 * (exit 4) naming the plugin and the method, also when the plugin is not selected; a plugin's standard
 * output goes to standard error, so {@code --format process} prints nothing but its JSON; and no known
 * secret reaches standard error, whoever writes it.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class PluginProcessIT {

    private static final Path REPO = Path.of(System.getProperty("cdkj.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = REPO.resolve("bin/cdkj");
    private static final String DEV = "111111111111";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MotoServer moto;

    PluginProcessIT(MotoServer moto) {
        this.moto = moto;
    }

    private record Result(int exitCode, String out, String err) {
    }

    @ParameterizedTest(name = "System.exit in {0}")
    @ValueSource(strings = {"constructor", "name", "canProvideCredentials", "getProvider"})
    void systemExitInAPlugin_isThePluginError_notASilentSuccess(String method) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        MisbehavingPlugins.misbehaving(plugins.resolve("exiting.jar"), "exiting", method, Action.EXIT);

        Result result = launch(List.of("--plugin", "exiting", "credentials", "--account", DEV, "--region",
                "us-east-2", "--mode", "read", "--format", "json"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("called System.exit in " + (method.equals("constructor") ? "its constructor" : method))
                .contains(method.equals("constructor") || method.equals("name") ? "com.example.misbehaving.Exiting"
                        : "plugin 'exiting'");
    }

    @Test
    void systemExitInAnUnselectedPlugin_stillEndsWithThePluginError() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        MisbehavingPlugins.misbehaving(plugins.resolve("exiting.jar"), "exiting", "constructor", Action.EXIT);

        Result result = launch(List.of("--plugin", "assume-role", "credentials", "--account", DEV, "--region",
                "us-east-2", "--mode", "read"));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        assertThat(result.err()).contains("com.example.misbehaving.Exiting' called System.exit in its constructor");
    }

    @Test
    void pluginPrintingToStandardOutput_leavesCredentialProcessOutputClean() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        MisbehavingPlugins.misbehaving(plugins.resolve("printing.jar"), "printing", "getProvider", Action.PRINT);

        Result result = launch(List.of("--plugin", "printing", "credentials", "--account", DEV, "--region",
                "us-east-2", "--mode", "read", "--format", "process"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode output = JSON.readTree(result.out());
        assertThat(output.get("Version").asInt()).isEqualTo(1);
        assertThat(result.out().strip()).startsWith("{").endsWith("}");
        assertThat(result.err()).contains("misbehaving plugin prints to stdout in getProvider");
    }

    @Test
    void debugLogsAndStackTraces_maskTheSecretsTheHostResolved() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        MisbehavingPlugins.leakingOnRefresh(plugins.resolve("leaking.jar"));

        Result result = launch(List.of("--debug", "--plugin", "leaking", "credentials", "--account", DEV,
                "--region", "us-east-2", "--mode", "read", "--format", "process"));

        assertThat(result.exitCode()).as(result.err()).isNotZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("refresh failed for the key with secret ****", "DEBUG", "\tat ");
        // SecretGuard checks that neither secret of the plugin's session appears anywhere in stderr.
    }

    private Result launch(List<String> args) throws IOException, InterruptedException {
        AwsSessionCredentials pipeline = moto.callerIn("222222222222", "pipeline");
        AwsSessionCredentials plugin = moto.callerIn(DEV, "plugin-role");
        for (AwsSessionCredentials session : List.of(pipeline, plugin)) {
            SecretGuard.register(session.secretAccessKey());
            SecretGuard.register(session.sessionToken());
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", pipeline.accessKeyId(), "AWS_SECRET_ACCESS_KEY", pipeline.secretAccessKey(),
                "AWS_SESSION_TOKEN", pipeline.sessionToken(),
                MisbehavingPlugins.KEY_ID, plugin.accessKeyId(), MisbehavingPlugins.SECRET, plugin.secretAccessKey(),
                MisbehavingPlugins.TOKEN, plugin.sessionToken()));
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cdkj finished").isTrue();
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        if (!args.contains("process")) {
            SecretGuard.checkOutput(result.out());
        }
        SecretGuard.checkOutput(result.err());
        return result;
    }
}
