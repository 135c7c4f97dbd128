package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.SeededVpc;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.cli.CliHarness;
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
 * End to end: {@code cdkj synth} runs the real {@code sample-app} (two stacks, SSM and VPC lookups in
 * 111111111111 and 333333333333) as a pipeline caller in 222222222222 against moto. An app run costs
 * several seconds, so the class synthesizes three times up front and the tests assert on the results:
 * without a plugin (fails per stack), with {@code --plugin assume-role} (cold: lookups), and again
 * with the warm {@code cdk.context.json} (no AWS call), printing devSampleApp's template.
 */
@ExtendWith(MotoExtension.class)
class SampleAppSynthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV = Walkthrough.DEV_ACCOUNT;
    private static final String PROD = Walkthrough.PROD_ACCOUNT;

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static Map<String, SeededVpc> vpcs;
    private static AwsSessionCredentials pipeline;
    private static CliHarness.Run withoutPlugin;
    private static CliHarness.Run withPlugin;
    private static List<AwsCall> withPluginCalls;
    private static CliHarness.Run warm;
    private static List<AwsCall> warmCalls;

    @BeforeAll
    static void synthesize(MotoServer moto) throws IOException {
        moto.reset();
        vpcs = Walkthrough.seed(moto);
        pipeline = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        Files.writeString(project.resolve("cdk.json"), JSON.writeValueAsString(Map.of("app", ReactorApps.sampleApp("io.cdkj.sample.SampleApp"))));
        CliHarness cli = new CliHarness(project, home)
                .env("PATH", System.getenv("PATH"))
                .env("HOME", home.toString());
        try (AwsSystemProperties caller = AwsSystemProperties.caller(moto.endpoint(), pipeline)) {
            AwsCallLog.global().reset();
            withoutPlugin = cli.run("synth");
            AwsCallLog.global().reset();
            withPlugin = cli.run("synth", "--plugin", "assume-role", "--verbose");
            withPluginCalls = AwsCallLog.global().calls();
            AwsCallLog.global().reset();
            warm = cli.run("synth", "devSampleApp", "--plugin", "assume-role", "--verbose");
            warmCalls = AwsCallLog.global().calls();
        }
        System.out.println("[SampleAppSynthTest] without plugin, stderr:\n" + withoutPlugin.err()
                + "\n[SampleAppSynthTest] with plugin, stderr:\n" + withPlugin.err());
        System.out.println("[SampleAppSynthTest] cold: " + timingLine(withPlugin) + "\n[SampleAppSynthTest] warm: "
                + timingLine(warm));
    }

    @Test
    void synth_withoutPlugin_failsWithOneCredentialsErrorPerStack() {
        assertThat(withoutPlugin.exitCode()).as(withoutPlugin.err()).isEqualTo(ErrorCode.CREDENTIALS.exitCode());
        assertThat(errorLines(withoutPlugin, "/devSampleApp")).singleElement().asString()
                .startsWith("[Error at /devSampleApp] Need to perform AWS calls for account " + DEV
                        + ", but the current credentials are for 222222222222");
        assertThat(errorLines(withoutPlugin, "/prodSampleApp")).singleElement().asString()
                .startsWith("[Error at /prodSampleApp] Need to perform AWS calls for account " + PROD
                        + ", but the current credentials are for 222222222222");
        assertThat(withoutPlugin.err()).doesNotContain("Successfully synthesized");
    }

    @Test
    void synth_withPlugin_succeedsAndListsStacks() {
        assertThat(withPlugin.exitCode()).as(withPlugin.err()).isZero();
        assertThat(withPlugin.err())
                .contains("Successfully synthesized to " + project.resolve("cdk.out"))
                .contains("Supply a stack id (devSampleApp, prodSampleApp) to display its template.")
                .contains("Some context information is missing (4 values). Fetching...")
                .containsPattern("App finished in \\d+\\.\\d s");
    }

    @Test
    void synth_withPlugin_cachesEachAccountsOwnValues() throws IOException {
        JsonNode cached = JSON.readTree(project.resolve("cdk.context.json").toFile());
        assertThat(cached.get("ssm:account=" + DEV + ":parameterName=/cdkj/sample/message:region=us-east-2").asText())
                .isEqualTo(Walkthrough.MESSAGES.get(DEV));
        assertThat(cached.get("ssm:account=" + PROD + ":parameterName=/cdkj/sample/message:region=us-east-1").asText())
                .isEqualTo(Walkthrough.MESSAGES.get(PROD));
        JsonNode devVpc = cached.get("vpc-provider:account=" + DEV
                + ":filter.tag:Name=cdkj-sample:region=us-east-2:returnAsymmetricSubnets=true");
        assertThat(devVpc.get("vpcId").asText()).isEqualTo(vpcs.get(DEV).vpcId());
        assertThat(devVpc.get("subnetGroups").findValuesAsText("subnetId"))
                .containsExactlyInAnyOrderElementsOf(allSubnets(vpcs.get(DEV)));
        assertThat(cached.toString()).doesNotContain("$providerError");
    }

    @Test
    void synth_withPlugin_templatesHoldLookedUpValues() throws IOException {
        String dev = Files.readString(project.resolve("cdk.out/devSampleApp.template.json"));
        String prod = Files.readString(project.resolve("cdk.out/prodSampleApp.template.json"));
        assertThat(dev).contains(Walkthrough.MESSAGES.get(DEV), vpcs.get(DEV).vpcId())
                .contains(allSubnets(vpcs.get(DEV))).doesNotContain(Walkthrough.MESSAGES.get(PROD));
        assertThat(prod).contains(Walkthrough.MESSAGES.get(PROD), vpcs.get(PROD).vpcId())
                .contains(allSubnets(vpcs.get(PROD)));
    }

    @Test
    void synth_withPlugin_assumesOneRolePerAccountAndLooksUpInEachStacksAccount() {
        List<AwsCall> assumeRoles = withPluginCalls.stream().filter(c -> c.operation().equals("AssumeRole")).toList();
        assertThat(assumeRoles).hasSize(2).allSatisfy(c -> assertThat(c.account()).isEqualTo("222222222222"));
        List<AwsCall> lookups = withPluginCalls.stream().filter(c -> !c.service().equals("Sts")).toList();
        assertThat(lookups).extracting(AwsCall::operation)
                .contains("GetParameter", "DescribeVpcs", "DescribeSubnets", "DescribeRouteTables");
        assertThat(lookups).allSatisfy(call -> assertThat(call.account() + "/" + call.region())
                .isIn(DEV + "/us-east-2", PROD + "/us-east-1"));
        assertThat(lookups.stream().filter(c -> c.operation().equals("GetParameter")).map(AwsCall::account))
                .containsExactlyInAnyOrder(DEV, PROD);
    }

    @Test
    void synth_warmContext_makesNoAwsCallAndPrintsTemplate() {
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        assertThat(warmCalls).isEmpty();
        assertThat(warm.err()).doesNotContain("Fetching").containsPattern("app [0-9.]+ s \\(1 run:");
        assertThat(warm.out()).contains("Resources:", "AWS::SSM::Parameter", Walkthrough.MESSAGES.get(DEV),
                vpcs.get(DEV).vpcId());
    }

    @Test
    void synth_anyRun_printsNoSecrets() {
        for (CliHarness.Run run : List.of(withoutPlugin, withPlugin, warm)) {
            assertThat(run.all()).doesNotContain(pipeline.secretAccessKey(), pipeline.sessionToken())
                    .doesNotContainPattern("ASIA[A-Z0-9]{16}");
        }
    }

    private static List<String> errorLines(CliHarness.Run run, String path) {
        return run.err().lines().filter(l -> l.startsWith("[Error at " + path + "]")).toList();
    }

    private static List<String> allSubnets(SeededVpc vpc) {
        List<String> ids = new ArrayList<>(vpc.publicSubnetIds());
        ids.addAll(vpc.privateSubnetIds());
        return ids;
    }

    private static String timingLine(CliHarness.Run run) {
        return run.err().lines().filter(l -> l.startsWith("Synth timing:")).findFirst().orElse("(none)");
    }
}
