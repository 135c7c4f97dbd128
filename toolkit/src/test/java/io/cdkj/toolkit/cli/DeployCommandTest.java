package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.AccountView;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The walkthrough end to end through {@code cdkj} against moto: required-resources deployed into dev
 * and prod with each account's own credentials, then sample-app deployed from the shared-services
 * account with {@code --plugin assume-role}, deployed again (no changes), and destroyed. The steps
 * share moto's state, so they run in order. Uses the pre-synthesized assemblies in
 * {@code src/test/resources/assemblies} (jsii would cost ~10 s per synth).
 */
@ExtendWith(MotoExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployCommandTest {

    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";
    private static final String DEV = "111111111111";
    private static final String SHARED = "222222222222";
    private static final String PROD = "333333333333";
    private static final Pattern SECRET_LIKE = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static MotoServer moto;
    private static final List<AwsSessionCredentials> callers = new ArrayList<>();
    private static final List<CliHarness.Run> runs = new ArrayList<>();

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        moto.reset();
    }

    @AfterAll
    static void noSecretInAnyOutput() {
        for (CliHarness.Run run : runs) {
            for (AwsSessionCredentials caller : callers) {
                assertThat(run.all()).doesNotContain(caller.secretAccessKey()).doesNotContain(caller.sessionToken());
            }
            assertThat(SECRET_LIKE.matcher(run.all()).find()).as("a 40-character secret-like string in: %s", run.all()).isFalse();
        }
    }

    @Test
    @Order(1)
    void deploy_requiredResourcesWithEachAccountsOwnCredentials_createsBothRolesInThatAccountOnly() {
        // given: the app command copies the pre-synthesized assembly into CDK_OUTDIR, so deploy runs the synth path
        String app = "cp -R '" + assembly("required-resources") + "/.' \"$CDK_OUTDIR\"";

        // when
        CliHarness.Run dev = as(DEV, "us-east-2", "deploy", "dev", "--app", app, "--require-approval", "never");
        CliHarness.Run prod = as(PROD, "us-east-1", "deploy", "prod", "--app", app, "--require-approval=never");

        // then
        assertThat(dev.exitCode()).as(dev.err()).isZero();
        assertThat(prod.exitCode()).as(prod.err()).isZero();
        assertThat(dev.out()).contains("✅ dev deployed");
        assertThat(dev.err()).contains("dev | change: Add | ReadOnlyRole", "dev | change: Add | WriteRole");
        assertThat(AccountView.roles(moto, DEV)).contains("cdk-readOnlyRole", "cdk-writeRole");
        assertThat(AccountView.roles(moto, PROD)).contains("cdk-readOnlyRole", "cdk-writeRole");
        assertThat(AccountView.roles(moto, SHARED)).doesNotContain("cdk-writeRole");
    }

    @Test
    @Order(2)
    void deploy_sampleAppFromSharedServicesWithoutPlugin_failsClosedNamingTheAccount() {
        CliHarness.Run run = as(SHARED, "us-east-1", "deploy", "--all", "--app", assembly("sample-app").toString());

        assertThat(run.exitCode()).as("CREDENTIALS").isEqualTo(3);
        assertThat(run.err()).contains("Error: Could not deploy devSampleApp, prodSampleApp: Need to perform AWS calls"
                + " for account 111111111111, but the current credentials are for 222222222222");
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", DEPLOYED_MESSAGE)).isEmpty();
    }

    @Test
    @Order(3)
    void deploy_sampleAppFromSharedServicesWithAssumeRole_deploysEachStackInItsAccountWithItsCredentials() {
        // given
        AwsCallLog.global().reset();

        // when
        CliHarness.Run run = as(SHARED, "us-east-1", "deploy", "--all", "--plugin", "assume-role",
                "--app", assembly("sample-app").toString(), "--outputs-file", "outputs.json");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp deployed", "✅ prodSampleApp deployed");
        assertThat(run.err()).contains("devSampleApp | deploying to aws://111111111111/us-east-2",
                "prodSampleApp | deploying to aws://333333333333/us-east-1");
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", DEPLOYED_MESSAGE)).contains("hello from dev");
        assertThat(AccountView.parameter(moto, PROD, "us-east-1", DEPLOYED_MESSAGE)).contains("hello from prod");
        assertThat(AccountView.parameter(moto, PROD, "us-east-2", DEPLOYED_MESSAGE)).isEmpty();
        assertThat(AccountView.parameter(moto, DEV, "us-east-1", DEPLOYED_MESSAGE)).isEmpty();
        assertThat(AccountView.parameter(moto, SHARED, "us-east-1", DEPLOYED_MESSAGE)).isEmpty();
        List<AwsCall> cloudFormation = AwsCallLog.global().calls().stream()
                .filter(c -> c.service().equals("CloudFormation")).toList();
        assertThat(cloudFormation).filteredOn(c -> c.region().equals("us-east-2")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.account()).isEqualTo(DEV));
        assertThat(cloudFormation).filteredOn(c -> c.region().equals("us-east-1")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.account()).isEqualTo(PROD));
        assertThat(cloudFormation).extracting(AwsCall::account).containsOnly(DEV, PROD);
        assertThat(AwsCallLog.global().calls()).filteredOn(c -> c.operation().equals("AssumeRole")).isNotEmpty();
        assertThat(AwsCallLog.global().calls()).as("small templates go inline: no assets bucket needed")
                .noneMatch(c -> c.service().equals("S3"));
        assertThat(project.resolve("outputs.json")).exists();
    }

    @Test
    @Order(4)
    void deploy_sampleAppAgain_reportsNoChangesForBoth() {
        AwsCallLog.global().reset();

        CliHarness.Run run = as(SHARED, "us-east-1", "deploy", "--all", "--plugin", "assume-role",
                "--app", assembly("sample-app").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp (no changes", "✅ prodSampleApp (no changes");
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
    }

    @Test
    @Order(5)
    void diff_deployedSampleApp_reportsNoDifferences() {
        CliHarness.Run run = as(SHARED, "us-east-1", "diff", "--plugin", "assume-role", "--fail",
                "--app", assembly("sample-app").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Stack devSampleApp\nThere were no differences",
                "Stack prodSampleApp\nThere were no differences", "Number of stacks with differences: 0");
    }

    @Test
    @Order(6)
    void destroy_withoutForceAndNoTerminal_failsInsteadOfWaiting() {
        CliHarness.Run run = as(SHARED, "us-east-1", "destroy", "--all", "--plugin", "assume-role",
                "--app", assembly("sample-app").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("stdin is not a terminal", "--force", "devSampleApp");
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", DEPLOYED_MESSAGE)).isPresent();
    }

    @Test
    @Order(7)
    void destroy_force_removesBothStacksAndTheirResources() {
        CliHarness.Run run = as(SHARED, "us-east-1", "destroy", "--all", "--force", "--plugin", "assume-role",
                "--app", assembly("sample-app").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp destroyed", "✅ prodSampleApp destroyed");
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", DEPLOYED_MESSAGE)).isEmpty();
        assertThat(AccountView.parameter(moto, PROD, "us-east-1", DEPLOYED_MESSAGE)).isEmpty();
    }

    private static CliHarness.Run as(String account, String region, String... args) {
        AwsSessionCredentials caller = moto.callerIn(account);
        callers.add(caller);
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, region)) {
            CliHarness.Run run = new CliHarness(project, home).env("AWS_REGION", region).run(args);
            runs.add(run);
            return run;
        }
    }

    private static Path assembly(String name) {
        try {
            return Path.of(DeployCommandTest.class.getResource("/assemblies/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
