package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.testing.Scopes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.plugins.MisbehavingPlugins;
import io.cdkj.toolkit.plugins.MisbehavingPlugins.Action;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Plugins that lie, throw errors or hang, driven through {@code cdkj} in-process against moto: each is
 * that plugin's failure, reported as such, and never the host's crash, hang or silent success. (A
 * plugin's {@code System.exit} and its standard output need a real process: {@code PluginProcessIT}.)
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class PluginFailClosedTest {

    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();

    PluginFailClosedTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void actAsPipeline() {
        scopes.add(PipelineCaller.actAsPipeline(moto));
    }

    @AfterEach
    void closeScopes() throws Exception {
        scopes.close();
    }

    /** A harness with the plugin jar, whose credentials are a session in {@code first} (then {@code second}). */
    private CliHarness cli(Path jar, String first, String second) {
        CliHarness cli = new CliHarness(work, home).env("PATH", System.getenv("PATH")).pluginPath(jar);
        credentials(cli, first, MisbehavingPlugins.KEY_ID, MisbehavingPlugins.SECRET, MisbehavingPlugins.TOKEN);
        credentials(cli, second, MisbehavingPlugins.SECOND_KEY_ID, MisbehavingPlugins.SECOND_SECRET,
                MisbehavingPlugins.SECOND_TOKEN);
        return cli;
    }

    private void credentials(CliHarness cli, String account, String keyId, String secret, String token) {
        AwsSessionCredentials session = moto.callerIn(account, "plugin-role");
        SecretGuard.register(session.secretAccessKey());
        SecretGuard.register(session.sessionToken());
        cli.env(keyId, session.accessKeyId()).env(secret, session.secretAccessKey()).env(token, session.sessionToken());
    }

    private static Path assembly(String name) {
        try {
            return Path.of(PluginFailClosedTest.class.getResource("/assemblies/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- credentials that switch account after the first check ------------------------------------------

    @Test
    void switchingAccount_credentialProcess_refusesInsteadOfPrintingTheOtherAccountsKeys() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.switchingAccount(work.resolve("switching.jar")), DEV, PROD);

        CliHarness.Run run = cli.run("--plugin", "switching-account", "credentials", "--account", DEV,
                "--region", "us-east-2", "--mode", "read", "--format", "process");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Plugin 'switching-account' returned credentials for account " + PROD,
                "but they were requested for account " + DEV + " (read)");
        assertThat(run.err().lines().filter(l -> l.startsWith("Error: "))).hasSize(1);
    }

    @Test
    void switchingAccount_deploy_stopsWithThePluginError_andCreatesNothingInTheOtherAccount() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.switchingAccount(work.resolve("switching.jar")), DEV, PROD);

        CliHarness.Run run = cli.run("--plugin", "switching-account", "deploy", "devSampleApp", "--app",
                assembly("sample-app").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("Error: Plugin 'switching-account' returned credentials for account " + PROD);
        assertThat(run.out()).doesNotContain("deployed");
        assertThat(AccountView.parameter(moto, PROD, "us-east-2", DEPLOYED_MESSAGE)).isEmpty();
    }

    @Test
    void switchingAccount_lookups_stopWithThePluginError() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.switchingAccount(work.resolve("switching.jar")), DEV, PROD);
        // An "app" whose assembly asks for one SSM lookup in the dev account, round after round.
        java.nio.file.Files.writeString(work.resolve("app.sh"), "cat > \"$CDK_OUTDIR/manifest.json\" <<'EOF'\n"
                + "{\"version\": \"54.0.0\", \"artifacts\": {}, \"missing\": [{\"key\":"
                + " \"ssm:account=" + DEV + ":parameterName=/p:region=us-east-2\", \"provider\": \"ssm\","
                + " \"props\": {\"account\": \"" + DEV + "\", \"region\": \"us-east-2\", \"parameterName\": \"/p\"}}]}\nEOF\n");
        String app = "sh app.sh";

        CliHarness.Run run = cli.run("--plugin", "switching-account", "synth", "--quiet", "--app", app);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
        assertThat(run.err()).contains("Error: Plugin 'switching-account' returned credentials for account " + PROD);
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter", PROD)).isZero();
    }

    @Test
    void secretInAPluginsMessage_isMasked_alsoInTheDebugStackTrace() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.leakingOnRefresh(work.resolve("leaking.jar")), DEV, PROD);

        CliHarness.Run run = cli.run("--debug", "--plugin", "leaking", "credentials", "--account", DEV,
                "--region", "us-east-2", "--mode", "read", "--format", "process");

        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Error: ", "refresh failed for the key with secret ****").contains("\tat ");
        SecretGuard.checkOutput(run.all());
    }

    // --- errors from any method are that plugin's failure -----------------------------------------------

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({"canProvideCredentials, ASSERTION", "canProvideCredentials, STACK_OVERFLOW", "getProvider, ASSERTION",
        "getProvider, STACK_OVERFLOW", "resolveIdentity, ASSERTION"})
    void errorInACall_isThatPluginsFailure(String method, Action action) throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.misbehaving(work.resolve("m.jar"), "misbehaving", method, action), DEV, PROD);

        CliHarness.Run run = cli.run("--plugin", "misbehaving", "credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("none of these plugins found any: misbehaving (")
                .contains(action == Action.ASSERTION ? "threw java.lang.AssertionError: misbehaving in " + method
                        : "threw java.lang.StackOverflowError");
        assertThat(run.err().lines()).hasSize(1);
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource({"name, ASSERTION", "name, STACK_OVERFLOW", "isAvailable, ASSERTION", "isAvailable, STACK_OVERFLOW",
        "constructor, ASSERTION"})
    void errorWhileLoading_isListedByPlugins_andDoesNotStopOtherPlugins(String method, Action action) throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.misbehaving(work.resolve("m.jar"), "misbehaving", method, action), DEV, PROD);

        CliHarness.Run plugins = cli.run("plugins");
        CliHarness.Run other = cli.run("--plugin", "fake-assume", "credentials", "--account", DEV, "--mode", "read");

        assertThat(plugins.exitCode()).as(plugins.all()).isZero();
        assertThat(plugins.out()).contains(action == Action.ASSERTION ? "AssertionError" : "StackOverflowError");
        assertThat(other.exitCode()).as(other.all()).isZero();
    }

    // --- calls that never return ---------------------------------------------------------------------------

    @ParameterizedTest(name = "blocking in {0}")
    @CsvSource({"canProvideCredentials", "getProvider", "resolveIdentity"})
    void blockingCall_failsThatPluginAfterTheDeadline(String method) throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.misbehaving(work.resolve("m.jar"), "misbehaving", method, Action.BLOCK),
                DEV, PROD).env("CDKJ_PLUGIN_TIMEOUT", "1");

        CliHarness.Run run = cli.run("--plugin", "misbehaving", "credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("misbehaving (").contains("did not return within 1 s (the limit CDKJ_PLUGIN_TIMEOUT sets)");
    }

    @Test
    void blockingConstructorOfAnUnselectedPlugin_doesNotStopTheOneSelected() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.misbehaving(work.resolve("m.jar"), "misbehaving", "constructor",
                Action.BLOCK), DEV, PROD).env("CDKJ_PLUGIN_TIMEOUT", "1");

        CliHarness.Run run = cli.run("--plugin", "fake-assume", "credentials", "--account", DEV, "--mode", "read");
        CliHarness.Run plugins = cli.run("plugins");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(plugins.out()).contains("com.example.misbehaving.Misbehaving: its constructor did not return within 1 s");
    }

    @Test
    void blockingClose_endsTheCommandAnyway() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.misbehaving(work.resolve("m.jar"), "misbehaving", "close", Action.BLOCK),
                DEV, PROD).env("CDKJ_PLUGIN_TIMEOUT", "1");

        CliHarness.Run run = cli.run("--plugin", "misbehaving", "credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Resulting account", DEV);
    }

    @Test
    void malformedTimeout_isAUsageError() throws IOException {
        CliHarness cli = cli(MisbehavingPlugins.switchingAccount(work.resolve("s.jar")), DEV, PROD)
                .env("CDKJ_PLUGIN_TIMEOUT", "soon");

        CliHarness.Run run = cli.run("--plugin", "switching-account", "credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CDKJ_PLUGIN_TIMEOUT is 'soon', but it must be a whole number of seconds");
    }
}
