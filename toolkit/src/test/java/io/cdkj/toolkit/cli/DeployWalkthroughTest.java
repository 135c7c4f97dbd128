package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.localaws.Walkthrough;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The walkthrough with the real CDK apps (no pre-synthesized assembly): {@code cdkj deploy} runs
 * {@code required-resources} (jsii) and deploys {@code dev} with dev's own credentials, then
 * {@code prod} from the same assembly with prod's; then the shared-services pipeline runs
 * {@code cdkj deploy --all --plugin assume-role} on {@code sample-app}, which synthesizes with lookups
 * in each account and deploys both stacks. App runs cost seconds each, so everything runs once up
 * front and the tests assert on the results.
 */
@ExtendWith(MotoExtension.class)
class DeployWalkthroughTest {

    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV = Walkthrough.DEV_ACCOUNT;
    private static final String PROD = Walkthrough.PROD_ACCOUNT;

    @TempDir
    static Path requiredResources;
    @TempDir
    static Path sampleApp;
    @TempDir
    static Path home;

    private static MotoServer moto;
    private static final List<AwsSessionCredentials> callers = new ArrayList<>();
    private static CliHarness.Run devRoles;
    private static CliHarness.Run prodRoles;
    private static CliHarness.Run pipeline;
    private static List<AwsCall> pipelineCalls;

    @BeforeAll
    static void runWalkthrough(MotoServer server) throws IOException {
        moto = server;
        moto.reset();
        Walkthrough.seed(moto);
        Files.writeString(requiredResources.resolve("cdk.json"),
                JSON.writeValueAsString(Map.of("app", ReactorApps.javaCommand("required-resources", "io.cdkj.requiredresources.RequiredResourcesApp"))));
        Files.writeString(sampleApp.resolve("cdk.json"),
                JSON.writeValueAsString(Map.of("app", ReactorApps.javaCommand("sample-app", "io.cdkj.sample.SampleApp"))));

        devRoles = as(moto.callerIn(DEV), "us-east-2", requiredResources, "deploy", "dev", "--require-approval", "never");
        prodRoles = as(moto.callerIn(PROD), "us-east-1", requiredResources, "deploy", "prod", "--app", "cdk.out",
                "--require-approval", "never");
        AwsCallLog.global().reset();
        pipeline = as(moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline"), "us-east-1", sampleApp,
                "deploy", "--all", "--plugin", "assume-role");
        pipelineCalls = AwsCallLog.global().calls();
    }

    @Test
    void requiredResources_deployedWithEachAccountsOwnCredentials_rolesTheirPluginAssumes() {
        assertThat(devRoles.exitCode()).as(devRoles.err()).isZero();
        assertThat(prodRoles.exitCode()).as(prodRoles.err()).isZero();
        assertThat(devRoles.err()).contains("Running app:");
        assertThat(AccountView.roles(moto, DEV)).contains("cdk-readOnlyRole", "cdk-writeRole");
        assertThat(AccountView.roles(moto, PROD)).contains("cdk-readOnlyRole", "cdk-writeRole");
    }

    @Test
    void sampleApp_fromThePipelineWithAssumeRole_synthesizesWithLookupsAndDeploysEachStackInItsAccount() {
        assertThat(pipeline.exitCode()).as(pipeline.err()).isZero();
        assertThat(pipeline.err()).contains("Some context information is missing");
        assertThat(pipeline.out()).contains("✅ devSampleApp deployed", "✅ prodSampleApp deployed");
        assertThat(AccountView.parameter(moto, DEV, "us-east-2", DEPLOYED_MESSAGE)).contains(Walkthrough.MESSAGES.get(DEV));
        assertThat(AccountView.parameter(moto, PROD, "us-east-1", DEPLOYED_MESSAGE)).contains(Walkthrough.MESSAGES.get(PROD));
        assertThat(AccountView.parameter(moto, PROD, "us-east-2", DEPLOYED_MESSAGE)).isEmpty();
        assertThat(pipelineCalls).filteredOn(c -> c.service().equals("CloudFormation"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.account() + "/" + c.region()).isIn(DEV + "/us-east-2", PROD + "/us-east-1"));
    }

    @Test
    void everyRun_printsNoSecret() {
        for (CliHarness.Run run : List.of(devRoles, prodRoles, pipeline)) {
            for (AwsSessionCredentials caller : callers) {
                assertThat(run.all()).doesNotContain(caller.secretAccessKey()).doesNotContain(caller.sessionToken());
            }
        }
    }

    private static CliHarness.Run as(AwsSessionCredentials caller, String region, Path project, String... args) {
        callers.add(caller);
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, region)) {
            return new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString())
                    .env("AWS_REGION", region).run(args);
        }
    }
}
