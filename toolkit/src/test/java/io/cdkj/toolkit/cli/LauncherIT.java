package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsConfigFiles;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.plugins.PluginJars;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The real {@code bin/cdkj} launcher, run as a process after {@code package} (failsafe), with the
 * assume-role plugin jar this repository builds on its plugin path.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class LauncherIT {

    private static final Path REPO = Path.of(System.getProperty("cdkj.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = REPO.resolve("bin/cdkj");

    @TempDir
    Path dir;

    private final MotoServer moto;

    LauncherIT(MotoServer moto) {
        this.moto = moto;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cdkj finished").isTrue();
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        SecretGuard.checkOutput(result.out() + result.err());
        return result;
    }

    @Test
    void launcher_plugins_findsTheAssumeRolePluginBuiltByThisRepository() throws Exception {
        Result result = launch(Map.of(), "plugins");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("assume-role\\s+available\\s+no\\s+\\S*assume-role-plugin-[^/]*\\.jar");
    }

    @Test
    void launcher_version_runsTheBuiltJar() throws Exception {
        Result result = launch(Map.of(), "--version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("cdkj 0.1.0-SNAPSHOT");
    }

    @Test
    void launcher_pluginPath_takesJarsFromPluginsDirAndEnvironment() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.decliningPlugin(plugins.resolve("local.jar"), "com.example.Local", "from-plugins-dir");
        Path extra = PluginJars.decliningPlugin(dir.resolve("extra.jar"), "com.example.Extra", "from-env");
        Files.write(dir.resolve("corrupt.jar"), new byte[] {1, 2, 3});

        Result result = launch(Map.of("CDKJ_PLUGIN_PATH", extra + ":" + dir.resolve("corrupt.jar")), "plugins");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("from-plugins-dir", plugins.resolve("local.jar").toString(), "from-env",
                "Failed to load:", dir.resolve("corrupt.jar") + ": cannot open plugin jar");
    }

    @Test
    void launcher_userError_printsOneLineAndExitsWithItsCode() throws Exception {
        Result result = launch(Map.of(), "credentials", "--account", "nope", "--mode", "read");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("Error: Invalid --account 'nope': a 12-digit AWS account id is expected.");
    }

    @Test
    void credentialProcess_profileUsingCdkj_landsInTheTargetAccount() throws Exception {
        Map<String, String> pipelineEnv = AwsConfigFiles.write(Files.createDirectories(dir.resolve("aws")),
                moto.endpoint(), moto, false);
        String prefix = pipelineEnv.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ", "env ", " "));
        Path config = dir.resolve("tool-config");
        Files.writeString(config, "[profile cdkj-dev]\ncredential_process = " + prefix + LAUNCHER
                + " credentials --plugin assume-role --account 111111111111 --region us-east-2 --mode read"
                + " --format process\n", StandardCharsets.UTF_8);
        ProfileFile profiles = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();

        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                        .profileFile(profiles).profileName("cdkj-dev").build();
                StsClient sts = StsClient.builder().region(Region.US_EAST_2).credentialsProvider(provider).build()) {
            var identity = sts.getCallerIdentity();
            var credentials = (software.amazon.awssdk.auth.credentials.AwsSessionCredentials) provider.resolveCredentials();
            SecretGuard.register(credentials.secretAccessKey());
            SecretGuard.register(credentials.sessionToken());

            assertThat(identity.account()).isEqualTo("111111111111");
            assertThat(identity.arn()).contains("cdk-readOnlyRole");
        }
    }
}
