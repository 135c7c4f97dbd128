package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.plugins.fakes.FakeAssumeRolePlugin;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code cdkj credentials} in-process against moto, with fake plugins. */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class CredentialsCommandTest {

    private static final String SHARED = "222222222222";
    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private CliHarness cli;
    private AwsSystemProperties caller;

    CredentialsCommandTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void callerInSharedServices() {
        caller = PipelineCaller.actAsPipeline(moto);
        cli = new CliHarness(work, home);
    }

    @AfterEach
    void restore() {
        caller.close();
    }

    private JsonNode json(CliHarness.Run run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void credentials_otherAccountsThroughPlugin_resolveReadAndWrite() throws Exception {
        for (String[] target : new String[][] {{DEV, "us-east-2"}, {PROD, "us-east-1"}}) {
            for (String mode : new String[] {"read", "write"}) {
                JsonNode result = json(cli.run("--plugin", "fake-assume", "credentials", "--account", target[0],
                        "--region", target[1], "--mode", mode, "--format", "json"));

                String role = mode.equals("read") ? "cdk-readOnlyRole" : "cdk-writeRole";
                assertThat(result.get("account").asText()).isEqualTo(target[0]);
                assertThat(result.get("source").asText()).isEqualTo("plugin fake-assume");
                assertThat(result.get("roleArn").asText()).isEqualTo("arn:aws:iam::" + target[0] + ":role/" + role);
                assertThat(result.get("sessionName").asText()).isEqualTo("fake-assume");
                assertThat(result.get("defaultIdentity").asText()).contains(SHARED).contains("pipeline");
                assertThat(result.get("environment").asText()).isEqualTo("aws://" + target[0] + "/" + target[1]);
            }
        }
    }

    @Test
    void credentials_table_explainsTheChain() {
        CliHarness.Run run = cli.run("credentials", "--plugin", "fake-declining", "--plugin", "fake-assume",
                "--account", DEV, "--region", "us-east-2", "--mode", "read");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Source:", "plugin fake-assume",
                "fake-declining (fake-declining never serves account 111111111111)",
                "arn:aws:iam::111111111111:role/cdk-readOnlyRole", "Resulting account:", "Region from:", "--region");
    }

    @Test
    void credentials_withoutPlugin_failsClosedWithTheCdkMessage() {
        CliHarness.Run run = cli.run("credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        // The plugins found depend on the class path (a reactor build adds the plugin-api fixture): match around them.
        assertThat(run.err()).matches("(?s)Error: Need to perform AWS calls for account 111111111111, but the current"
                + " credentials are for 222222222222, and no credential plugin was selected\\. Select a plugin with"
                + " --plugin assume-role \\(found: assume-role, [a-z, -]*fake-assume, fake-declining, fake-error,"
                + " [a-z, -]*fake-throwing\\) or the \"plugin\" array of cdk\\.json, or use credentials for account 111111111111\\.\\R");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void credentials_pluginsDeclineOrThrow_reasonsListedInOrder() {
        CliHarness.Run run = cli.run("--plugin", "fake-declining", "--plugin", "fake-throwing", "--plugin",
                "fake-unavailable", "credentials", "--account", PROD, "--mode", "write");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("Error: Need to perform AWS calls for account 333333333333, but the current"
                + " credentials are for 222222222222, and none of these plugins found any:"
                + " fake-declining (fake-declining never serves account 333333333333),"
                + " fake-throwing (fake-throwing exploded for account 333333333333),"
                + " fake-unavailable (fake-unavailable needs FAKE_TOOL on the PATH)."
                + " Fix the plugin's configuration or select another plugin with --plugin,"
                + " or use credentials for account 333333333333." + System.lineSeparator());
    }

    @Test
    void credentials_pluginReturnsWrongAccount_isRejectedNamingPluginAndAccounts() {
        CliHarness.Run run = cli.run("--plugin", "fake-assume", "-c", FakeAssumeRolePlugin.ACTING_ACCOUNT_KEY
                + "=444444444444", "credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("Plugin 'fake-assume' returned credentials for account 444444444444")
                .contains("requested for account 111111111111");
    }

    @Test
    void credentials_sameAccount_usesDefaultIdentityWithoutAskingPlugins() throws Exception {
        int before = FakeAssumeRolePlugin.GET_PROVIDER_CALLS.get();

        JsonNode result = json(cli.run("--plugin", "fake-assume", "credentials", "--account", SHARED, "--mode",
                "write", "--format", "json"));

        assertThat(result.get("source").asText()).startsWith("default identity");
        assertThat(result.get("account").asText()).isEqualTo(SHARED);
        assertThat(FakeAssumeRolePlugin.GET_PROVIDER_CALLS.get()).isEqualTo(before);
    }

    @Test
    void credentials_passesCallerArnToPlugins_andLooksUpTheDefaultIdentityOnce() {
        FakeAssumeRolePlugin.CALLER_ARNS.clear();

        cli.run("--plugin", "fake-assume", "credentials", "--account", DEV, "--mode", "read");

        assertThat(FakeAssumeRolePlugin.CALLER_ARNS).singleElement().asString().contains(SHARED);
        assertThat(AwsCallLog.global().count("Sts", "GetCallerIdentity", SHARED)).isEqualTo(1);
    }

    @Test
    void credentials_dryRun_makesNoAwsCall_andSaysWhoWouldDecline() {
        CliHarness.Run run = cli.run("--plugin", "fake-declining", "--plugin", "fake-assume", "credentials",
                "--account", DEV, "--mode", "read", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("fake-declining: would decline (fake-declining never serves account 111111111111)",
                "fake-assume: would be asked for credentials", "not looked up");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void credentials_dryRunInChina_namesTheRoleTheAssumeRolePluginWouldAssume_withoutAnAwsCall() {
        CliHarness.Run run = cli.run("credentials", "--account", "444455556666", "--region", "cn-north-1",
                "--mode", "read", "--plugin", "assume-role", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("assume-role: would provide (assume arn:aws-cn:iam::444455556666:role/cdk-readOnlyRole"
                + " as session ");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void credentials_formatProcess_printsVersion1JsonThatActsInTheTargetAccount() throws Exception {
        CliHarness.Run run = cli.run("--plugin", "fake-assume", "credentials", "--account", DEV, "--mode", "read",
                "--format", "process");

        JsonNode process = json(run);
        SecretGuard.register(process.get("SecretAccessKey").asText());
        SecretGuard.register(process.get("SessionToken").asText());
        assertThat(process.get("Version").asInt()).isEqualTo(1);
        assertThat(process.get("Expiration").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        AwsSessionCredentials credentials = AwsSessionCredentials.create(process.get("AccessKeyId").asText(),
                process.get("SecretAccessKey").asText(), process.get("SessionToken").asText());
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(DEV);
        }
    }

    @Test
    void credentials_formatProcessOnATerminal_refusesUnlessForced() throws Exception {
        CliHarness terminal = new CliHarness(work, home).outIsTerminal(true);

        CliHarness.Run refused = terminal.run("--plugin", "fake-assume", "credentials", "--account", DEV, "--mode",
                "read", "--format", "process");
        CliHarness.Run forced = terminal.run("--plugin", "fake-assume", "credentials", "--account", DEV, "--mode",
                "read", "--format", "process", "--force");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().strip()).isEqualTo("Error: Refusing to print credentials to a terminal: --format"
                + " process is for credential_process, where another program reads the output. Pipe it to that"
                + " program, or pass --force to print the secret keys here anyway.");
        JsonNode process = json(forced);
        SecretGuard.register(process.get("SecretAccessKey").asText());
        SecretGuard.register(process.get("SessionToken").asText());
        assertThat(process.get("Version").asInt()).isEqualTo(1);
    }

    @Test
    void credentials_invalidAccount_isUsageError() {
        CliHarness.Run run = cli.run("credentials", "--account", "12345", "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid --account '12345'");
    }

    @Test
    void credentials_unknownProfile_failsListingWhereItLooked() {
        CliHarness.Run run = cli.run("--profile", "nope", "credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("AWS profile 'nope' not found").contains(home.resolve(".aws/config").toString());
    }
}
