package io.cdkj.toolkit.cli;

import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.error;
import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.ok;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSet;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSetCreated;
import static io.cdkj.toolkit.deploy.CloudFormationXml.event;
import static io.cdkj.toolkit.deploy.CloudFormationXml.events;
import static io.cdkj.toolkit.deploy.CloudFormationXml.executed;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stack;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stackMissing;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.toolkit.deploy.CloudFormationStub;
import io.cdkj.toolkit.deploy.CloudFormationXml;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code cdkj deploy devSampleApp} through the CLI against scripted CloudFormation (and STS) responses,
 * for what moto does not reproduce: each test names the gap.
 */
class DeployCommandWireMockTest {

    private static final String SECRET = "wiremockSecretKeyThatMustNeverBePrinted0";

    @TempDir
    Path project;
    @TempDir
    Path home;

    private CloudFormationStub aws;
    private AwsSystemProperties scope;

    @BeforeEach
    void setUp() {
        aws = new CloudFormationStub();
        // the host learns the caller's account once (STS shares the Query protocol, so one stub serves both)
        aws.on("GetCallerIdentity", ok("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                + "  <GetCallerIdentityResult>\n    <Arn>arn:aws:sts::111111111111:assumed-role/ci/cdkj</Arn>\n"
                + "    <UserId>AROAEXAMPLEID:cdkj</UserId>\n    <Account>111111111111</Account>\n"
                + "  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>\n"
                + "  </ResponseMetadata>\n</GetCallerIdentityResponse>\n"));
        scope = AwsSystemProperties.caller(URI.create(aws.endpoint()),
                AwsBasicCredentials.create("AKIAWIREMOCKEXAMPLE1", SECRET), "us-east-2");
    }

    @AfterEach
    void tearDown() {
        scope.close();
        aws.close();
    }

    // Gap: moto shows no stack Outputs after ExecuteChangeSet.
    @Test
    void deploy_stackWithOutputs_printsThemAndWritesTheOutputsFile() throws Exception {
        // given
        aws.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_IN_PROGRESS")),
                ok(stack("CREATE_COMPLETE", "Message", "hello from dev", "VpcId", "vpc-0dev1234567890abc")));
        aws.on("CreateChangeSet", ok(changeSetCreated()));
        aws.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,DeployedMessage8B0425CA,AWS::SSM::Parameter")));
        aws.on("DescribeStackEvents", ok(events(List.of(), null)));
        aws.on("ExecuteChangeSet", ok(executed()));

        // when
        CliHarness.Run run = new CliHarness(project, home).env("AWS_REGION", "us-east-2")
                .run("deploy", "devSampleApp", "--app", assembly().toString(), "--outputs-file", "out/outputs.json");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Outputs:\ndevSampleApp.Message = hello from dev\ndevSampleApp.VpcId = vpc-0dev1234567890abc");
        assertThat(Files.readString(project.resolve("out/outputs.json"))).contains("\"Message\": \"hello from dev\",\n");
        assertThat(run.all()).doesNotContain(SECRET);
    }

    // Gap: moto does not fail resources the way AWS does.
    @Test
    void deploy_resourceFails_printsTheFailingResourceAndReasonAndExitsWithAwsCode() {
        // given
        String reason = "Resource handler returned message: \"Parameter /cdkj/sample/deployed-message already exists.\""
                + " (RequestToken: 5a1f7a33-0b4e-0d1c-4e5b-6f1a2b3c4d5e, HandlerErrorCode: AlreadyExists)";
        aws.on("DescribeStacks", error(stackMissing()), ok(stack("ROLLBACK_COMPLETE")));
        aws.on("CreateChangeSet", ok(changeSetCreated()));
        aws.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,DeployedMessage8B0425CA,AWS::SSM::Parameter")));
        aws.on("DescribeStackEvents", ok(events(List.of(), null)), ok(events(List.of(
                event("e3", "02:41:09", "ROLLBACK_COMPLETE", "devSampleApp", "AWS::CloudFormation::Stack", null),
                event("e2", "02:41:05", "CREATE_FAILED", "DeployedMessage8B0425CA", "AWS::SSM::Parameter", reason),
                event("e1", "02:41:01", "CREATE_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated")),
                null)));
        aws.on("ExecuteChangeSet", ok(executed()));

        // when
        CliHarness.Run run = new CliHarness(project, home).env("AWS_REGION", "us-east-2")
                .run("deploy", "devSampleApp", "--app", assembly().toString(), "--require-approval", "never");

        // then
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains("devSampleApp | 02:41:05 | CREATE_FAILED | DeployedMessage8B0425CA | AWS::SSM::Parameter | "
                + reason);
        assertThat(run.err()).contains("Error: Could not deploy devSampleApp: ROLLBACK_COMPLETE: DeployedMessage8B0425CA"
                + " (AWS::SSM::Parameter): " + reason);
        assertThat(run.out()).contains("❌ devSampleApp failed");
        assertThat(run.all()).doesNotContain(SECRET);
    }

    /** The SDK's own retries off, so each scripted throttling reply reaches the toolkit's polling. */
    private AwsSystemProperties noSdkRetries() {
        return AwsSystemProperties.set(java.util.Map.of("aws.maxAttempts", "1"));
    }

    // Gap: moto never throttles.
    @Test
    void deploy_throttledDescribeStackEventsAndExecuteChangeSet_areWaitedOut_andTheDeploySucceeds() {
        // given: each of the calls that decide nothing by themselves is throttled before it answers
        aws.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_IN_PROGRESS")), ok(stack("CREATE_COMPLETE")));
        aws.on("CreateChangeSet", ok(changeSetCreated()));
        aws.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,DeployedMessage8B0425CA,AWS::SSM::Parameter")));
        aws.on("DescribeStackEvents", error(CloudFormationXml.throttling()), ok(events(List.of(), null)));
        aws.on("ExecuteChangeSet", error(CloudFormationXml.throttling()), error(CloudFormationXml.throttling()),
                ok(executed()));

        // when
        CliHarness.Run run;
        try (AwsSystemProperties retries = noSdkRetries()) {
            run = new CliHarness(project, home).env("AWS_REGION", "us-east-2")
                    .run("deploy", "devSampleApp", "--app", assembly().toString());
        }

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp deployed");
        assertThat(aws.count("ExecuteChangeSet")).isEqualTo(3);
        assertThat(aws.bodies("ExecuteChangeSet")).allSatisfy(body -> assertThat(body).contains("ClientRequestToken=cdkj-"));
        assertThat(aws.bodies("ExecuteChangeSet").stream().map(b -> b.replaceAll(".*ClientRequestToken=([^&]*).*", "$1"))
                .distinct()).as("one token: the retries are one execution").hasSize(1);
    }

    // Gap: moto never throttles.
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void deploy_throttlingThatNeverEnds_givesUpSayingWhatWasThrottledAndForHowLong() {
        // given
        aws.on("DescribeStacks", error(stackMissing()), error(CloudFormationXml.throttling()));
        aws.on("CreateChangeSet", ok(changeSetCreated()));
        aws.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,DeployedMessage8B0425CA,AWS::SSM::Parameter")));
        aws.on("DescribeStackEvents", ok(events(List.of(), null)));
        aws.on("ExecuteChangeSet", ok(executed()));

        // when
        CliHarness.Run run;
        try (AwsSystemProperties retries = noSdkRetries()) {
            run = new CliHarness(project, home).env("AWS_REGION", "us-east-2").env("CDKJ_AWS_THROTTLED_WAIT", "2")
                    .run("deploy", "devSampleApp", "--app", assembly().toString());
        }

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.err()).contains("CloudFormation kept throttling the calls for stack devSampleApp: gave up after"
                + " waiting ").contains(" s of throttling in a row (CDKJ_AWS_THROTTLED_WAIT sets how long)");
    }

    // Gap: moto always answers; WireMock accepts the call and stalls.
    @Test
    void stalledEndpoint_failsTheCallAtTheDeadline_sayingNoAnswerCame() {
        // given: STS takes ten minutes to answer GetCallerIdentity
        aws.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=GetCallerIdentity&"))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withFixedDelay(600_000)));

        // when
        CliHarness.Run run = new CliHarness(project, home).env("CDKJ_AWS_CALL_TIMEOUT", "3")
                .run("credentials", "--account", "111111111111", "--region", "us-east-2", "--mode", "read");

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.err()).contains("STS GetCallerIdentity", "STS did not answer in time")
                .doesNotContain("not expired");
    }

    @Test
    void deployHelp_concurrencyOption_statesTheDefaultAndWhy() {
        CliHarness.Run run = new CliHarness(project, home).run("deploy", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--concurrency=N",
                "Stacks of one environment (account and region) deployed at the same time (default 4;",
                "the CDK CLI's is 1 for the whole app", "do not contend for any API limit",
                "up to cdkj:maxParallelEnvironments (128) environments deploy at once",
                "--outputs-file", "--parameters", "--notification-arns", "--role-arn");
    }

    private static Path assembly() {
        try {
            return Path.of(DeployCommandWireMockTest.class.getResource("/assemblies/sample-app").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
