package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.ReactorApps;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A CI job written for the Node CDK CLI, its steps verbatim with {@code cdkj} in place of {@code cdk}:
 * synth, diff (failing on changes), deploy with the flags pipelines pass, list, destroy —
 * run on the real sample-app (jsii) by the shared-services pipeline caller against moto, the
 * assume-role plugin passed on every step's command line ({@code --plugin assume-role}). Every step's
 * exit code is asserted, and the outputs file. The steps share moto's state and run once up front.
 */
@ExtendWith(MotoExtension.class)
class CiJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV = Walkthrough.DEV_ACCOUNT;
    private static final String PROD = Walkthrough.PROD_ACCOUNT;
    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";

    /** The job's steps, verbatim. */
    private static final List<String> STEPS = List.of(
            "cdkj synth -q --plugin assume-role",
            "cdkj diff --fail --plugin assume-role",
            "cdkj deploy --all --require-approval never --ci --progress events --method=change-set --no-color"
                    + " --concurrency 4 --outputs-file out.json --plugin assume-role",
            "cdkj --region eu-west-1 list --json --plugin assume-role",
            "cdkj destroy --all --force --plugin assume-role");

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static MotoServer moto;
    private static final Map<String, CliHarness.Run> runs = new LinkedHashMap<>();
    private static final List<AwsSessionCredentials> callers = new ArrayList<>();
    private static JsonNode outputsFile;
    private static boolean deployedWhileRunning;

    @BeforeAll
    static void runTheJob(MotoServer server) throws IOException {
        moto = server;
        moto.reset();
        Walkthrough.seed(moto);
        bootstrapRoles();
        Files.writeString(project.resolve("cdk.json"), JSON.writeValueAsString(Map.of(
                "app", ReactorApps.javaCommand("sample-app", "io.cdkj.sample.SampleApp"))));
        AwsSessionCredentials pipeline = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        callers.add(pipeline);
        for (String step : STEPS) {
            String[] args = step.substring("cdkj ".length()).split(" ");
            runs.put(step, run(pipeline, args));
            if (step.contains(" deploy ")) {
                outputsFile = JSON.readTree(project.resolve("out.json").toFile());
                deployedWhileRunning = AccountView.parameter(moto, DEV, Walkthrough.DEV_REGION, DEPLOYED_MESSAGE)
                        .isPresent() && AccountView.parameter(moto, PROD, Walkthrough.PROD_REGION, DEPLOYED_MESSAGE)
                        .isPresent();
            }
        }
    }

    @Test
    void synthQuiet_exits0AndPrintsNoTemplate() {
        CliHarness.Run run = runs.get(STEPS.get(0));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(project.resolve("cdk.out/devSampleApp.template.json")).exists();
    }

    @Test
    void diffFail_beforeTheFirstDeploy_exits1() {
        CliHarness.Run run = runs.get(STEPS.get(1));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Stack devSampleApp", "Stack prodSampleApp",
                "Number of stacks with differences: 2");
    }

    @Test
    void deploy_withThePipelinesFlags_deploysBothAndWritesTheOutputsFile() {
        CliHarness.Run run = runs.get(STEPS.get(2));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp deployed", "✅ prodSampleApp deployed");
        assertThat(run.all()).as("--no-color").doesNotContain("\u001b[");
        // moto reports only the stack's own events, not its resources' (moto gap): the stack's are asserted
        assertThat(run.err()).as("--progress events")
                .containsPattern("devSampleApp \\| [0-9:]+ \\| CREATE_COMPLETE \\| devSampleApp \\| AWS::CloudFormation::Stack")
                .containsPattern("prodSampleApp \\| [0-9:]+ \\| CREATE_COMPLETE \\| prodSampleApp \\| AWS::CloudFormation::Stack");
        assertThat(deployedWhileRunning).isTrue();
        // moto reports no outputs for stacks created by a change set (moto gap; DeployEngineWireMockTest
        // covers the values): the file names each deployed stack, as the Node CLI writes it
        assertThat(outputsFile.isObject()).isTrue();
        List<String> stacks = new ArrayList<>();
        outputsFile.fieldNames().forEachRemaining(stacks::add);
        assertThat(stacks).containsExactlyInAnyOrder("devSampleApp", "prodSampleApp");
    }

    @Test
    void listJson_withAGlobalRegionFirst_printsTheStackIdsAsTheNodeCliDoes() {
        CliHarness.Run run = runs.get(STEPS.get(3));

        // without --long, the Node CLI's --json changes nothing: one id per line (NodeCliListTest compares)
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("devSampleApp\nprodSampleApp\n");
    }

    @Test
    void destroyForce_removesBothStacks() {
        CliHarness.Run run = runs.get(STEPS.get(4));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp destroyed", "✅ prodSampleApp destroyed");
        assertThat(AccountView.parameter(moto, DEV, Walkthrough.DEV_REGION, DEPLOYED_MESSAGE)).isEmpty();
        assertThat(AccountView.parameter(moto, PROD, Walkthrough.PROD_REGION, DEPLOYED_MESSAGE)).isEmpty();
    }

    @Test
    void noStep_printsASecretOrAnUnknownOption() {
        for (CliHarness.Run run : runs.values()) {
            for (AwsSessionCredentials caller : callers) {
                assertThat(run.all()).doesNotContain(caller.secretAccessKey()).doesNotContain(caller.sessionToken());
            }
            assertThat(run.err()).doesNotContain("Unknown option");
        }
    }

    /** Each target account's own caller deploys the lookup and deploy roles the plugin assumes. */
    private static void bootstrapRoles() {
        String app = "cp -R '" + assembly("required-resources") + "/.' \"$CDK_OUTDIR\"";
        for (String[] target : List.of(new String[] {DEV, Walkthrough.DEV_REGION, "dev"},
                new String[] {PROD, Walkthrough.PROD_REGION, "prod"})) {
            Path dir = project.resolve("bootstrap-" + target[2]);
            CliHarness.Run run;
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            AwsSessionCredentials own = moto.callerIn(target[0]);
            try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), own, target[1])) {
                run = new CliHarness(dir, home).env("AWS_REGION", target[1])
                        .run("deploy", target[2], "--app", app, "--require-approval", "never");
            }
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        AwsCallLog.global().reset();
    }

    private static CliHarness.Run run(AwsSessionCredentials caller, String... args) {
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, "us-east-1")) {
            return new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString())
                    .env("AWS_REGION", "us-east-1").env("CI", "true").run(args);
        }
    }

    private static Path assembly(String name) {
        try {
            return Path.of(CiJobTest.class.getResource("/assemblies/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
