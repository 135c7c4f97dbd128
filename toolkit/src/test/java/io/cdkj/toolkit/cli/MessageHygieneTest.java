package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.testing.Scopes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.toolkit.plugins.PluginJars;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Whatever plugins, AWS, files and the app write, {@code cdkj} prints one error line of bounded length
 * whose fix fits the failure: multi-line and escape-laden plugin messages, Jackson's parse errors, a
 * 300 KB app command, STS server errors and throttling (WireMock plays STS: moto cannot fail on demand).
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class MessageHygieneTest {

    private static final String DEV = "111111111111";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();

    MessageHygieneTest(MotoServer moto) {
        this.moto = moto;
    }

    @AfterEach
    void closeScopes() throws Exception {
        scopes.close();
    }

    private CliHarness cli() {
        return new CliHarness(work, home).env("PATH", System.getenv("PATH"));
    }

    private static void assertOneErrorLine(CliHarness.Run run) {
        List<String> errors = run.err().lines().filter(line -> line.startsWith("Error: ")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\tat ");
    }

    @Test
    void pluginMessageWithLineBreaksAndEscapes_isPrintedOnOneLine() throws Exception {
        scopes.add(PipelineCaller.actAsPipeline(moto));
        Path jar = PluginJars.build(work.resolve("multiline.jar"), Map.of("com.example.MultiLine", """
                package com.example;
                public final class MultiLine implements io.cdkj.plugin.CredentialProviderSource {
                    public String name() { return "multi-line"; }
                    public boolean isAvailable() { return true; }
                    public io.cdkj.plugin.Decision canProvideCredentials(io.cdkj.plugin.CredentialRequest r) {
                        throw new io.cdkj.plugin.CredentialProviderException(
                                "first line\\nsecond line\\r\\n\\u001b[2J\\u001b[31mcleared screen");
                    }
                    public software.amazon.awssdk.identity.spi.IdentityProvider<
                            software.amazon.awssdk.identity.spi.AwsCredentialsIdentity> getProvider(
                            io.cdkj.plugin.CredentialRequest r) { throw new IllegalStateException(); }
                }
                """), List.of("com.example.MultiLine"));

        CliHarness.Run run = cli().pluginPath(jar).run("--plugin", "multi-line", "credentials", "--account", DEV,
                "--mode", "read");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertOneErrorLine(run);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("multi-line (first line second line [2J [31mcleared screen)");
    }

    @Test
    void templateThatIsNotJson_isOneLineWithoutJacksonsSourceLineOrTheFilesFirstToken() throws Exception {
        Path assembly = Files.createDirectories(work.resolve("assembly"));
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "54.0.0", "artifacts": {"devSampleApp": {"type": "aws:cloudformation:stack",
                  "environment": "aws://111111111111/us-east-2", "properties": {"templateFile": "t.json"}}}}""");
        Files.writeString(assembly.resolve("t.json"), "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY Resources: {}");

        CliHarness.Run run = cli().run("synth", "devSampleApp", "--app", assembly.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(7);
        assertOneErrorLine(run);
        assertThat(run.err()).contains(assembly.resolve("t.json").toString(), "Unrecognized token", "(line 1, column")
                .doesNotContain("wJalrXUtnFEMIK7MDENG").doesNotContain("[Source:");
    }

    @Test
    void hugeAppCommand_isNotRepeatedWhole() {
        String app = "exit 3; " + "x".repeat(300_000);

        CliHarness.Run run = cli().run("synth", "--app", app);

        assertThat(run.exitCode()).as(run.err().substring(0, Math.min(2000, run.err().length()))).isEqualTo(5);
        assertOneErrorLine(run);
        assertThat(run.all()).hasSizeLessThan(5_000).contains("more characters");
    }

    @Test
    void stsServerError_saysSoInsteadOfBlamingTheCredentials() {
        WireMockAws sts = stsOnWireMock();
        sts.stubServerError("GetCallerIdentity", 503);

        CliHarness.Run run = cli().run("credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(6);
        assertOneErrorLine(run);
        assertThat(run.err()).contains("STS GetCallerIdentity", "STS answered with a server error")
                .doesNotContain("not expired");
    }

    @Test
    void stsThrottling_saysSoInsteadOfBlamingTheCredentials() {
        WireMockAws sts = stsOnWireMock();
        sts.stubError("GetCallerIdentity", 400, "Throttling", "Rate exceeded", Duration.ZERO);

        CliHarness.Run run = cli().run("credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(6);
        assertOneErrorLine(run);
        assertThat(run.err()).contains("Throttling: Rate exceeded", "STS is throttling these calls")
                .doesNotContain("not expired");
    }

    @Test
    void stsRejectingTheToken_stillAsksToCheckTheCredentials() {
        WireMockAws sts = stsOnWireMock();
        sts.stubError("GetCallerIdentity", 403, "InvalidClientTokenId", "The security token included in the request"
                + " is invalid", Duration.ZERO);

        CliHarness.Run run = cli().run("credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("Check that they are valid and not expired.");
    }

    private WireMockAws stsOnWireMock() {
        WireMockAws wireMock = WireMockAws.start();
        scopes.add(wireMock);
        String secret = "messageHygieneCallerSecret00000000000000";
        SecretGuard.register(secret);
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), AwsBasicCredentials.create("AKIDMESSAGEHYGIENE01", secret)));
        scopes.add(AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint()));
        return wireMock;
    }
}
