package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.testing.Scopes;
import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.Io;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The real {@code assume-role} plugin (a test-scope dependency, found by ServiceLoader like any
 * plugin) driven through {@code cdkj} in-process, against moto — and WireMock where STS must refuse
 * or misbehave.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class AssumeRolePluginEndToEndTest {

    private static final String SHARED = "222222222222";
    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();

    AssumeRolePluginEndToEndTest(MotoServer moto) {
        this.moto = moto;
    }

    @AfterEach
    void closeScopes() throws Exception {
        scopes.close();
    }

    private void pipelineCallerOnMoto() {
        scopes.add(PipelineCaller.actAsPipeline(moto));
    }

    private WireMockAws stsOnWireMock(String callerArn) {
        WireMockAws wireMock = WireMockAws.start();
        scopes.add(wireMock);
        scopes.add(AwsSystemProperties.caller(moto.endpoint(),
                AwsBasicCredentials.create("AKIDWIREMOCKCALLER02", "wiremockCallerSecret111111111111111111111")));
        scopes.add(AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint()));
        SecretGuard.register("wiremockCallerSecret111111111111111111111");
        SecretGuard.register(WireMockAws.SECRET_ACCESS_KEY);
        SecretGuard.register(WireMockAws.SESSION_TOKEN);
        wireMock.stubGetCallerIdentity(callerArn);
        return wireMock;
    }

    @Test
    void sharedServicesCaller_resolvesReadAndWriteForTwoAccounts() throws Exception {
        pipelineCallerOnMoto();
        CliHarness cli = new CliHarness(work, home);
        for (String[] target : new String[][] {{DEV, "us-east-2"}, {PROD, "us-east-1"}}) {
            for (String mode : new String[] {"read", "write"}) {
                CliHarness.Run run = cli.run("--plugin", "assume-role", "credentials", "--account", target[0],
                        "--region", target[1], "--mode", mode, "--format", "json");

                assertThat(run.exitCode()).as(run.err()).isZero();
                JsonNode result = JSON.readTree(run.out());
                String role = mode.equals("read") ? "cdk-readOnlyRole" : "cdk-writeRole";
                assertThat(result.get("source").asText()).isEqualTo("plugin assume-role");
                assertThat(result.get("account").asText()).isEqualTo(target[0]);
                assertThat(result.get("roleArn").asText()).isEqualTo("arn:aws:iam::" + target[0] + ":role/" + role);
                assertThat(result.get("sessionName").asText()).startsWith("cdkj-" + mode);
            }
        }
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", SHARED)).isEqualTo(4);
    }

    @Test
    void cdkJsonPluginArrayAndContext_reachThePlugin() throws Exception {
        pipelineCallerOnMoto();
        java.nio.file.Files.writeString(work.resolve("cdk.json"), """
                {"app": "true", "plugin": ["assume-role"],
                 "context": {"assume-role-credentials:readIamRoleName": "from-cdk-json-{ACCOUNT_ID}"}}
                """);

        CliHarness.Run fromFile = new CliHarness(work, home).run("credentials", "--account", DEV, "--mode", "read",
                "--format", "json");
        CliHarness.Run fromCommandLine = new CliHarness(work, home).run("credentials", "--account", DEV, "--mode",
                "read", "--format", "json", "-c", "assume-role-credentials:readIamRoleName=from-cli");

        assertThat(JSON.readTree(fromFile.out()).get("roleArn").asText())
                .isEqualTo("arn:aws:iam::111111111111:role/from-cdk-json-111111111111");
        assertThat(JSON.readTree(fromCommandLine.out()).get("roleArn").asText())
                .isEqualTo("arn:aws:iam::111111111111:role/from-cli");
    }

    @Test
    void profile_isTheDefaultIdentity() throws Exception {
        Map<String, String> files = io.cdkj.localaws.AwsConfigFiles.write(
                java.nio.file.Files.createDirectories(work.resolve("aws")), moto.endpoint(), moto, false);
        CliHarness cli = new CliHarness(work, home)
                .env("AWS_CONFIG_FILE", files.get("AWS_CONFIG_FILE"))
                .env("AWS_SHARED_CREDENTIALS_FILE", files.get("AWS_SHARED_CREDENTIALS_FILE"));

        CliHarness.Run run = cli.run("--profile", io.cdkj.localaws.AwsConfigFiles.PIPELINE_PROFILE, "--plugin",
                "assume-role", "credentials", "--account", PROD, "--mode", "write", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("defaultIdentitySource").asText()).isEqualTo("profile 'cdkj-pipeline'");
        assertThat(result.get("defaultIdentity").asText()).startsWith("arn:aws:sts::222222222222:assumed-role/pipeline/");
        assertThat(result.get("account").asText()).isEqualTo(PROD);
    }

    @Test
    void withoutPlugin_failsWithTheCdkMessage() {
        pipelineCallerOnMoto();

        CliHarness.Run run = new CliHarness(work, home).run("credentials", "--account", DEV, "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("Error: Need to perform AWS calls for account 111111111111, but the current"
                + " credentials are for 222222222222, and no credential plugin was selected. Select a plugin with"
                + " --plugin assume-role");
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).isZero();
    }

    @Test
    void emptyAllowedAccountsGuard_isAConfigurationError_notAllowAll() {
        pipelineCallerOnMoto();

        CliHarness.Run fromEnvironment = new CliHarness(work, home).env("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS", "")
                .run("--plugin", "assume-role", "credentials", "--account", DEV, "--mode", "read");
        CliHarness.Run fromContext = new CliHarness(work, home).run("--plugin", "assume-role",
                "-c", "assume-role-credentials:allowedAccounts=", "credentials", "--account", DEV, "--mode", "read");

        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.all()).isEqualTo(3);
        assertThat(fromEnvironment.err()).contains("assume-role (CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS is set but lists no"
                + " account");
        assertThat(fromContext.exitCode()).as(fromContext.all()).isEqualTo(3);
        assertThat(fromContext.err()).contains("assume-role (assume-role-credentials:allowedAccounts is set but lists"
                + " no account");
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).isZero();
    }

    @Test
    void fiftyConcurrentRequests_makeExactlyOneAssumeRole() throws Exception {
        pipelineCallerOnMoto();
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of("USER", "tester"), work, home, List.of());
        List<IdentityProvider<AwsCredentialsIdentity>> providers = new ArrayList<>();
        try (Toolkit session = new Toolkit(io,
                new ToolkitOptions(Optional.empty(), List.of("assume-role"), List.of(), false, false))) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IdentityProvider<AwsCredentialsIdentity>>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return session.credentials().forTarget(CredentialTarget.of(new AwsEnvironment(PROD, "us-east-1"), Mode.WRITE));
                }));
            }
            start.countDown();
            for (Future<IdentityProvider<AwsCredentialsIdentity>> future : futures) {
                providers.add(future.get());
            }
            pool.shutdown();
        }

        assertThat(providers).allSatisfy(p -> assertThat(p).isSameAs(providers.get(0)));
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", SHARED)).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Sts", "GetCallerIdentity", SHARED)).isEqualTo(1);
    }

    @Test
    void deniedRole_errorNamesRoleArnAndCaller() {
        String callerArn = "arn:aws:sts::222222222222:assumed-role/pipeline/ci-job";
        String roleArn = "arn:aws:iam::111111111111:role/cdk-readOnlyRole";
        stsOnWireMock(callerArn).stubAssumeRoleAccessDenied(roleArn, callerArn);

        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "assume-role", "credentials", "--account", DEV,
                "--region", "us-east-2", "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("Error: Need to perform AWS calls for account 111111111111, but the current"
                + " credentials are for 222222222222, and none of these plugins found any: assume-role (")
                .contains(roleArn).contains(callerArn);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void pluginCredentialsForAnotherAccount_areRejectedNamingThePlugin() {
        String roleArn = "arn:aws:iam::111111111111:role/cdk-writeRole";
        WireMockAws sts = stsOnWireMock("arn:aws:sts::222222222222:assumed-role/pipeline/ci-job");
        sts.stubAssumeRoleSuccess(roleArn, "WMKEYWRONGACCOUNT01", "444444444444", Duration.ZERO);
        sts.stubGetCallerIdentity("WMKEYWRONGACCOUNT01",
                "arn:aws:sts::444444444444:assumed-role/cdk-writeRole/cdkj-write-ci-job");

        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "assume-role", "credentials", "--account", DEV,
                "--region", "us-east-2", "--mode", "write");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("Error: Plugin 'assume-role' returned credentials for account 444444444444")
                .contains("requested for account 111111111111 (write)");
    }

    @Test
    void throttledAssumeRole_isTriedAgainByTheHostAfterABackoff() throws Exception {
        // given: STS throttles the first three AssumeRole calls (WireMock: moto never throttles) — as many
        // as the SDK's own attempts, so only the host's retry gets through; the SDK is kept from retrying
        // so the test does not wait out its backoffs too
        String roleArn = "arn:aws:iam::111111111111:role/cdk-readOnlyRole";
        WireMockAws sts = stsOnWireMock("arn:aws:sts::222222222222:assumed-role/pipeline/ci-job");
        sts.stubAssumeRoleThrottledThenOk(roleArn, "WMKEYTHROTTLEDDEV01", 3);
        sts.stubGetCallerIdentity("WMKEYTHROTTLEDDEV01",
                "arn:aws:sts::111111111111:assumed-role/cdk-readOnlyRole/cdkj-read-tester");
        scopes.add(AwsSystemProperties.set(Map.of("aws.maxAttempts", "1")));

        // when
        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "assume-role", "credentials", "--account", DEV,
                "--region", "us-east-2", "--mode", "read", "--format", "json");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("account").asText()).isEqualTo(DEV);
        assertThat(sts.requestsFor("AssumeRole")).isEqualTo(4);
    }
}
