package io.cdkj.toolkit.cli;

import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.error;
import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.ok;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSet;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSetCreated;
import static io.cdkj.toolkit.deploy.CloudFormationXml.events;
import static io.cdkj.toolkit.deploy.CloudFormationXml.executed;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stack;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stackMissing;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.toolkit.deploy.CloudFormationStub;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * A deployment outlives its credentials: STS hands the {@code assume-role} plugin sessions that expire
 * within the SDK's stale window (40 s; the SDK refreshes what expires within a minute), each with a new
 * access key. The deploy keeps working because nothing in the host snapshots temporary credentials —
 * every call resolves them again, so STS sees one AssumeRole per refresh — and every new key is verified
 * once (one GetCallerIdentity per distinct key) before it is used.
 *
 * <p>WireMock plays STS and CloudFormation (moto's sessions last hours and its stacks finish at once).
 */
class ExpiringCredentialsTest {

    private static final String PIPELINE_KEY = "AKIAWIREMOCKPIPELINE";
    private static final String SECRET = "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";
    private static final String SESSION_SECRET = "wiremockSessionSecretThatMustNotLeak0000";

    @TempDir
    Path project;
    @TempDir
    Path home;

    private CloudFormationStub aws;
    private AwsSystemProperties scope;

    @BeforeEach
    void setUp() {
        aws = new CloudFormationStub();
        scope = AwsSystemProperties.caller(URI.create(aws.endpoint()), AwsBasicCredentials.create(PIPELINE_KEY, SECRET),
                "us-east-2");
        // The pipeline's own key acts in the shared-services account; every session key in the dev account.
        aws.server().stubFor(WireMock.post("/").atPriority(1)
                .withRequestBody(WireMock.containing("Action=GetCallerIdentity&"))
                .withHeader("Authorization", WireMock.containing("Credential=" + PIPELINE_KEY + "/"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(callerIdentity("arn:aws:sts::222222222222:assumed-role/pipeline/ci", "222222222222"))));
        aws.on("GetCallerIdentity", ok(callerIdentity("arn:aws:sts::111111111111:assumed-role/cdk-writeRole/cdkj",
                "111111111111")));
        aws.on("AssumeRole", ok("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:cdkj</AssumedRoleId>
                <Arn>arn:aws:sts::111111111111:assumed-role/cdk-writeRole/cdkj</Arn></AssumedRoleUser>
                <Credentials><AccessKeyId>ASIA{{randomValue length=16 type='ALPHANUMERIC' uppercase=true}}</AccessKeyId>
                <SecretAccessKey>%s</SecretAccessKey><SessionToken>wiremockSessionTokenThatMustNotLeak00000000</SessionToken>
                <Expiration>{{now offset='40 seconds'}}</Expiration></Credentials></AssumeRoleResult>
                <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>""".formatted(SESSION_SECRET)));
    }

    @AfterEach
    void tearDown() {
        scope.close();
        aws.close();
    }

    private static String callerIdentity(String arn, String account) {
        return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                + "<Arn>" + arn + "</Arn><UserId>AROAEXAMPLE:cdkj</UserId><Account>" + account + "</Account>"
                + "</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>"
                + "</ResponseMetadata></GetCallerIdentityResponse>";
    }

    @Test
    void longDeploy_withSessionsInTheStaleWindow_keepsWorking_refreshingAndVerifyingEveryNewKey() {
        // given: a stack that stays in progress for several polls
        aws.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_IN_PROGRESS")), ok(stack("CREATE_IN_PROGRESS")),
                ok(stack("CREATE_IN_PROGRESS")), ok(stack("CREATE_IN_PROGRESS")), ok(stack("CREATE_COMPLETE")));
        aws.on("CreateChangeSet", ok(changeSetCreated()));
        aws.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,DeployedMessage8B0425CA,AWS::SSM::Parameter")));
        aws.on("DescribeStackEvents", ok(events(List.of(), null)));
        aws.on("ExecuteChangeSet", ok(executed()));

        // when
        CliHarness.Run run = new CliHarness(project, home).env("AWS_REGION", "us-east-2")
                .run("--plugin", "assume-role", "deploy", "devSampleApp", "--app", assembly().toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ devSampleApp deployed");
        int refreshes = aws.count("AssumeRole");
        assertThat(refreshes).as("AssumeRole calls: the session is refreshed, never snapshot")
                .isGreaterThanOrEqualTo(aws.count("DescribeStacks"));
        // The pipeline's key once, and each session key the plugin's provider handed out once; the plugin's own
        // first session (resolved inside getProvider, before the host sees the provider) is never used.
        assertThat(aws.count("GetCallerIdentity")).as("one for the pipeline, one per session key handed out")
                .isEqualTo(1 + (refreshes - 1));
        assertThat(run.all()).doesNotContain(SECRET).doesNotContain(SESSION_SECRET);
    }

    private static Path assembly() {
        try {
            return Path.of(ExpiringCredentialsTest.class.getResource("/assemblies/sample-app").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
