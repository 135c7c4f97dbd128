package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.NodeCdkCli;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * From the shared-services pipeline (222222222222) against moto: {@code cdkj bootstrap} prepares two
 * accounts in two regions in parallel; sample-app's {@code BootstrappedApp} (DefaultStackSynthesizer: a
 * Lambda function from a file asset, a nested stack, an SSM lookup) deploys into them with
 * {@code cdkj deploy --all}, each asset in its own account's bucket; the Node CDK CLI deploys the same
 * app into the same cdkj-bootstrapped accounts; a second bootstrap changes nothing; and, without any
 * plugin, the app synthesizes and deploys into one account bootstrapped by cdkj and one by the Node CLI
 * (both {@code --trust 222222222222}), every CloudFormation, S3 and SSM call made with credentials acting
 * in the stack's own account. The steps share moto's state, so they run in order; three jsii app runs.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapWalkthroughTest {

    private static final String ALPHA = "444455556666";
    private static final String BETA = "777788889999";
    private static final String NODE_BOOTSTRAPPED = "555555555555";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String MESSAGE = "/cdkj/bootstrapped/message";

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static MotoServer moto;
    private static String app;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        moto.reset();
        app = ReactorApps.sampleApp("io.cdkj.sample.BootstrappedApp");
        LocalAwsSeeder.in(moto, ALPHA, "eu-west-1").ssmParameter(MESSAGE, "hello from alpha");
        LocalAwsSeeder.in(moto, BETA, "us-west-2").ssmParameter(MESSAGE, "hello from beta");
        LocalAwsSeeder.in(moto, NODE_BOOTSTRAPPED, "us-west-2").ssmParameter(MESSAGE, "hello from node-bootstrapped");
    }

    @AfterAll
    static void reset() {
        moto.reset();
    }

    @Test
    @Order(1)
    void bootstrap_twoAccountsInTwoRegionsInParallel_fromThePipelineWithThePlugin() {
        // when
        CliHarness.Run run = asPipeline("bootstrap", "aws://" + ALPHA + "/eu-west-1", "aws://" + BETA + "/us-west-2",
                "--plugin", "assume-role", "--trust", PipelineCaller.ACCOUNT, "--cloudformation-execution-policies", ADMIN);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ aws://" + ALPHA + "/eu-west-1 bootstrapped", "✅ aws://" + BETA + "/us-west-2 bootstrapped");
        assertThat(AccountView.parameter(moto, ALPHA, "eu-west-1", "/cdk-bootstrap/hnb659fds/version")).contains("33");
        assertThat(AccountView.parameter(moto, BETA, "us-west-2", "/cdk-bootstrap/hnb659fds/version")).contains("33");
        assertThat(AwsCallLog.global().accountsFor("CloudFormation", "CreateChangeSet")).containsExactlyInAnyOrder(ALPHA, BETA);
    }

    @Test
    @Order(2)
    void deploy_theDefaultSynthesizerApp_assetsInEachAccountsOwnBucket() {
        // when
        CliHarness.Run run = asPipeline("deploy", "--all", "--require-approval", "never", "--plugin", "assume-role", "--app", app);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ alphaService deployed", "✅ betaService deployed");
        assertDeployed("alphaService", ALPHA, "eu-west-1", "hello from alpha");
        assertDeployed("betaService", BETA, "us-west-2", "hello from beta");
        assertThat(objects(ALPHA, "eu-west-1")).anyMatch(key -> key.endsWith(".zip")).anyMatch(key -> key.endsWith(".json"));
        assertThat(objects(BETA, "us-west-2")).anyMatch(key -> key.endsWith(".zip")).anyMatch(key -> key.endsWith(".json"));
        assertThat(AwsCallLog.global().accountsFor("S3", "PutObject")).containsExactlyInAnyOrder(ALPHA, BETA);
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter", ALPHA)).as("the bootstrap version check").isPositive();
    }

    @Test
    @Order(3)
    void bootstrap_again_reportsNoChanges() {
        // when
        CliHarness.Run run = asPipeline("bootstrap", "aws://" + ALPHA + "/eu-west-1", "aws://" + BETA + "/us-west-2",
                "--plugin", "assume-role");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ aws://" + ALPHA + "/eu-west-1 (no changes", "✅ aws://" + BETA + "/us-west-2 (no changes");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
    }

    @Test
    @Order(4)
    void nodeCdkCli_deploysTheSameAppIntoTheCdkjBootstrappedAccounts() {
        // given: the Node CLI, and the app synthesized once more under other stack names
        NodeCdkCli node = NodeCdkCli.installed();
        CliHarness.Run synth = asPipeline("synth", "--plugin", "assume-role", "--app", app, "-c", "stackPrefix=node-",
                "-o", "node.out");
        assertThat(synth.exitCode()).as(synth.err()).isZero();

        // when
        NodeCdkCli.Run run = node.run(project, moto.endpoint().getPort(), "us-east-1", pipeline(), "deploy", "--all",
                "--app", project.resolve("node.out").toString(), "--require-approval", "never",
                "--plugin", NodeCdkCli.benchPlugin().toString());

        // then
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertDeployed("node-alphaService", ALPHA, "eu-west-1", "hello from alpha");
        assertDeployed("node-betaService", BETA, "us-west-2", "hello from beta");
    }

    @Test
    @Order(5)
    void withoutAPlugin_deploysIntoAccountsBootstrappedWithTrustByCdkjAndByTheNodeCli_eachCallInTheStacksAccount() {
        // given: a third account bootstrapped by the Node CLI with --trust 222222222222 (with its plugin's credentials)
        NodeCdkCli node = NodeCdkCli.installed();
        NodeCdkCli.Run bootstrap = node.run(project, moto.endpoint().getPort(), "us-east-1", pipeline(), "bootstrap",
                "aws://" + NODE_BOOTSTRAPPED + "/us-west-2", "--trust", PipelineCaller.ACCOUNT,
                "--cloudformation-execution-policies", ADMIN, "--plugin", NodeCdkCli.benchPlugin().toString());
        assertThat(bootstrap.exitCode()).as(bootstrap.output()).isZero();

        // when: no plugin at all; alpha is cdkj-bootstrapped, beta now the Node-bootstrapped account
        CliHarness.Run run = asPipeline("deploy", "--all", "--require-approval", "never", "--app", app, "-c", "stackPrefix=np-",
                "-c", "betaAccount=" + NODE_BOOTSTRAPPED);
        List<AwsCall> calls = AwsCallLog.global().calls();

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Need to perform AWS calls");
        Map<String, String> accountOfRegion = Map.of("eu-west-1", ALPHA, "us-west-2", NODE_BOOTSTRAPPED);
        List<AwsCall> inTargets = calls.stream()
                .filter(call -> Set.of("CloudFormation", "S3", "Ssm").contains(call.service())).toList();
        assertThat(inTargets).extracting(AwsCall::service).contains("CloudFormation", "S3", "Ssm");
        assertThat(inTargets).allSatisfy(call -> assertThat(call.account()).as(call.toString())
                .isEqualTo(accountOfRegion.get(call.region())));
        assertThat(calls).filteredOn(call -> call.service().equals("Ssm") && call.account().equals(NODE_BOOTSTRAPPED))
                .as("the lookup and the version check").hasSizeGreaterThanOrEqualTo(2);
        assertThat(calls).filteredOn(call -> call.service().equals("Sts") && call.operation().equals("AssumeRole"))
                .as("the lookup, publishing and deploy roles, assumed by the pipeline itself").isNotEmpty()
                .allSatisfy(call -> assertThat(call.account()).isEqualTo(PipelineCaller.ACCOUNT));
        assertDeployed("np-alphaService", ALPHA, "eu-west-1", "hello from alpha");
        assertDeployed("np-betaService", NODE_BOOTSTRAPPED, "us-west-2", "hello from node-bootstrapped");
    }

    private static void assertDeployed(String stack, String account, String region, String message) {
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
            List<String> types = cfn.listStackResources(r -> r.stackName(stack)).stackResourceSummaries().stream()
                    .map(StackResourceSummary::resourceType).toList();
            assertThat(types).as(stack).contains("AWS::Lambda::Function", "AWS::CloudFormation::Stack");
        }
        assertThat(AccountView.parameter(moto, account, region, "/cdkj/bootstrapped/" + stack + "/message"))
                .as("the nested stack's parameter, with the value looked up in " + account).contains(message);
    }

    private static List<String> objects(String account, String region) {
        try (S3Client s3 = S3Client.builder().region(Region.of(region)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
            return s3.listObjectsV2(r -> r.bucket("cdk-hnb659fds-assets-" + account + "-" + region)).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    private static AwsSessionCredentials pipeline() {
        AwsSessionCredentials caller = moto.callerIn(PipelineCaller.ACCOUNT, "pipeline");
        SecretGuard.register(caller.secretAccessKey());
        SecretGuard.register(caller.sessionToken());
        return caller;
    }

    private static CliHarness.Run asPipeline(String... args) {
        try (AwsSystemProperties scope = PipelineCaller.actAsPipeline(moto)) {
            return new CliHarness(project, home).env("AWS_REGION", "us-east-1").run(args);
        }
    }
}
