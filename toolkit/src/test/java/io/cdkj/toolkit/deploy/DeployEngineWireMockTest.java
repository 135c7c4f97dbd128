package io.cdkj.toolkit.deploy;

import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.error;
import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.ok;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSet;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSetCreated;
import static io.cdkj.toolkit.deploy.CloudFormationXml.empty;
import static io.cdkj.toolkit.deploy.CloudFormationXml.event;
import static io.cdkj.toolkit.deploy.CloudFormationXml.events;
import static io.cdkj.toolkit.deploy.CloudFormationXml.executed;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stack;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stackMissing;
import static io.cdkj.toolkit.deploy.CloudFormationXml.throttling;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.deploy.assets.docker.AssetConcurrency;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The deploy engine against scripted CloudFormation responses, for what moto does not reproduce:
 * each test names the gap it covers.
 */
class DeployEngineWireMockTest {

    /** No docker image assets here: a container tool that does not exist proves none is needed. */
    private static final DockerEnvironment NO_DOCKER = DockerEnvironment.from(
            Map.of("CDK_DOCKER", "/nonexistent/docker"), Path.of("/nonexistent"));

    private static final String SECRET = "wiremockSecretKeyThatMustNeverBePrinted0";

    @TempDir
    Path dir;

    private CloudFormationStub cloudFormation;
    private AwsClientFactory clients;
    private final StringWriter out = new StringWriter();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<String> savedProperties = new ArrayList<>();
    private DeployEngine engine;

    @BeforeEach
    void setUp() {
        cloudFormation = new CloudFormationStub();
        setProperty("aws.endpointUrl", cloudFormation.endpoint());
        clients = new AwsClientFactory();
        var credentials = new StaticEnvironmentCredentials(
                Map.of(CloudFormationXml.ACCOUNT, AwsBasicCredentials.create("AKIAWIREMOCKEXAMPLE1", SECRET)),
                (base, role) -> { throw new AssertionError("no role expected"); });
        engine = new DeployEngine(credentials, clients, NO_DOCKER, new PrintWriter(out), new PrintWriter(out), sleeps::add, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        cloudFormation.close();
        for (int i = 0; i < savedProperties.size(); i += 2) {
            if (savedProperties.get(i + 1) == null) {
                System.clearProperty(savedProperties.get(i));
            } else {
                System.setProperty(savedProperties.get(i), savedProperties.get(i + 1));
            }
        }
    }

    // Gap: moto shows no Outputs after ExecuteChangeSet and emits all stack events at once.
    @Test
    void deploy_newStack_streamsEachEventOnceAcrossPollsAndPrintsOutputs() throws Exception {
        // given
        String e0 = event("e0", "02:40:01", "REVIEW_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e1 = event("e1", "02:40:05", "CREATE_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e2 = event("e2", "02:40:07", "CREATE_IN_PROGRESS", "Param", "AWS::SSM::Parameter", null);
        String e3 = event("e3", "02:40:09", "CREATE_COMPLETE", "Param", "AWS::SSM::Parameter", null);
        String e4 = event("e4", "02:40:10", "CREATE_COMPLETE", "devSampleApp", "AWS::CloudFormation::Stack", null);
        cloudFormation.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_IN_PROGRESS")),
                ok(stack("CREATE_IN_PROGRESS")), ok(stack("CREATE_COMPLETE", "Param", "/cdkj/dev/param")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_PENDING", null)),
                ok(changeSet("CREATE_COMPLETE", null, "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(e0), null)), ok(events(List.of(e2, e1, e0), null)),
                ok(events(List.of(e3, e2, e1, e0), null)), ok(events(List.of(e4, e3, e2, e1, e0), null)));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));
        Path outputsFile = dir.resolve("out/outputs.json");
        DeployOptions options = new DeployOptions(Optional.of("arn:aws:iam::111111111111:role/cfn-exec"),
                ParameterOverrides.parse(List.of("devSampleApp:Env=test")), Map.of("team", "platform"),
                List.of("arn:aws:sns:us-east-2:111111111111:deploys"), 4, Optional.of(outputsFile), AssetConcurrency.DEFAULT);

        // when
        List<StackResult> results = engine.deploy(List.of(deployment(Map.of("owner", "cdkj"))), options);

        // then
        String printed = out.toString();
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.DEPLOYED);
        assertThat(printed).contains("devSampleApp | change: Add | Param | AWS::SSM::Parameter");
        assertThat(printed).doesNotContain("REVIEW_IN_PROGRESS");
        List<String> eventLines = printed.lines().filter(l -> l.matches("devSampleApp \\| 02:40:\\d\\d \\| .*")).toList();
        assertThat(eventLines).containsExactly(
                "devSampleApp | 02:40:05 | CREATE_IN_PROGRESS | devSampleApp | AWS::CloudFormation::Stack",
                "devSampleApp | 02:40:07 | CREATE_IN_PROGRESS | Param | AWS::SSM::Parameter",
                "devSampleApp | 02:40:09 | CREATE_COMPLETE | Param | AWS::SSM::Parameter",
                "devSampleApp | 02:40:10 | CREATE_COMPLETE | devSampleApp | AWS::CloudFormation::Stack");
        assertThat(printed).contains("✅ devSampleApp deployed (").contains("Outputs:\ndevSampleApp.Param = /cdkj/dev/param");
        // formatted as the Node CDK CLI writes it: JSON.stringify(outputs, undefined, 2) and a newline
        assertThat(Files.readString(outputsFile)).isEqualTo("{\n  \"devSampleApp\": {\n    \"Param\": \"/cdkj/dev/param\"\n  }\n}\n");
        String create = cloudFormation.bodies("CreateChangeSet").get(0);
        assertThat(create).contains("ChangeSetType=CREATE", "TemplateBody=", "CAPABILITY_NAMED_IAM",
                "Tags.member.1.Key=owner", "Tags.member.2.Key=team", "Tags.member.2.Value=platform",
                "Parameters.member.1.ParameterKey=Env", "Parameters.member.1.ParameterValue=test",
                "RoleARN=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fcfn-exec",
                "NotificationARNs.member.1=arn%3Aaws%3Asns%3Aus-east-2%3A111111111111%3Adeploys");
        assertThat(sleeps).as("change set: one 1 s wait; stack: 1 s, then longer")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500));
        assertThat(printed).doesNotContain(SECRET);
    }

    // Gap: moto accepts DisableRollback, UsePreviousValue and ImportExistingResources but cannot show they
    // were sent; WireMock keeps the requests.
    @Test
    void deploy_noRollbackNoPreviousParametersImportExisting_sendsThemToCloudFormation() throws Exception {
        // given: an existing stack whose parameter Env is not given
        String deployed = stack("UPDATE_COMPLETE").replace("<Parameters/>", "<Parameters>\n          <member>\n"
                + "            <ParameterKey>Env</ParameterKey>\n            <ParameterValue>prod</ParameterValue>\n"
                + "          </member>\n        </Parameters>");
        cloudFormation.on("DescribeStacks", ok(deployed));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Modify,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(), null)));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));
        DeployOptions keep = DeployOptions.builder().requireApproval(RequireApproval.NEVER).build();
        DeployOptions reset = DeployOptions.builder().requireApproval(RequireApproval.NEVER).rollback(false)
                .previousParameters(false).importExistingResources(true).build();

        // when
        engine.deploy(List.of(deployment(Map.of())), keep);
        engine.deploy(List.of(deployment(Map.of())), reset);

        // then
        List<String> creates = cloudFormation.bodies("CreateChangeSet");
        List<String> executes = cloudFormation.bodies("ExecuteChangeSet");
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0)).contains("Parameters.member.1.ParameterKey=Env", "Parameters.member.1.UsePreviousValue=true")
                .doesNotContain("ImportExistingResources");
        assertThat(creates.get(1)).doesNotContain("UsePreviousValue").contains("ImportExistingResources=true");
        assertThat(executes.get(0)).doesNotContain("DisableRollback");
        assertThat(executes.get(1)).contains("DisableRollback=true");
    }

    // Gap: moto does not fail resources the way AWS does (CREATE_FAILED with a reason, then ROLLBACK_COMPLETE).
    @Test
    void deploy_resourceFails_reportsFirstFailingResourceAndReasonAndFails() {
        // given
        String reason = "Resource handler returned message: \"User: arn:aws:sts::111111111111:assumed-role/cdk-writeRole/cdkj"
                + " is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111111111111:role/app"
                + " because no identity-based policy allows the iam:CreateRole action\"";
        String e0 = event("e0", "02:40:01", "REVIEW_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e1 = event("e1", "02:40:05", "CREATE_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e2 = event("e2", "02:40:06", "CREATE_FAILED", "Param", "AWS::SSM::Parameter", "Resource creation cancelled");
        String e3 = event("e3", "02:40:07", "CREATE_FAILED", "AppRole", "AWS::IAM::Role", reason);
        String e4 = event("e4", "02:40:08", "ROLLBACK_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack",
                "The following resource(s) failed to create: [AppRole, Param]. Rollback requested by user.");
        String e5 = event("e5", "02:40:12", "ROLLBACK_COMPLETE", "devSampleApp", "AWS::CloudFormation::Stack", null);
        cloudFormation.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_IN_PROGRESS")),
                ok(stack("ROLLBACK_COMPLETE")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,AppRole,AWS::IAM::Role",
                "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(e0), null)), ok(events(List.of(e2, e1, e0), null)),
                ok(events(List.of(e5, e4, e3, e2, e1, e0), null)));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));

        // when / then
        assertThatThrownBy(() -> engine.deploy(List.of(deployment(Map.of())), DeployOptions.DEFAULTS))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AWS);
                    assertThat(e.code().exitCode()).isNotZero();
                    assertThat(e.getMessage()).contains("devSampleApp", "ROLLBACK_COMPLETE",
                            "AppRole (AWS::IAM::Role)", "is not authorized to perform: iam:CreateRole");
                });
        String printed = out.toString();
        assertThat(printed).contains("devSampleApp | 02:40:07 | CREATE_FAILED | AppRole | AWS::IAM::Role | " + reason);
        assertThat(printed).contains("❌ devSampleApp failed (").contains("AppRole (AWS::IAM::Role): " + reason);
        assertThat(printed).doesNotContain("Outputs:");
    }

    // Gap: moto never throttles; AWS answers 400 Throttling "Rate exceeded" when an account polls too fast.
    @Test
    void deploy_throttledWhilePolling_retriesWithBackoffAndSucceeds() {
        // given: the SDK makes at most 2 attempts, so the third throttle reaches the engine's own backoff
        setProperty("aws.maxAttempts", "2");
        cloudFormation.on("DescribeStacks", error(stackMissing()), error(throttling()), error(throttling()),
                error(throttling()), ok(stack("CREATE_COMPLETE", "Param", "v")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(), null)));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));

        // when
        List<StackResult> results = engine.deploy(List.of(deployment(Map.of())), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.DEPLOYED);
        assertThat(cloudFormation.count("DescribeStacks")).isEqualTo(5);
        assertThat(sleeps).as("the engine waited after the SDK gave up on the throttled call").isNotEmpty();
        assertThat(out.toString()).contains("devSampleApp.Param = v");
    }

    // Gap: moto cannot leave a stack in ROLLBACK_COMPLETE (its resources never fail to create).
    @Test
    void deploy_stackInRollbackComplete_deletesItSayingSoAndCreatesItAgain() {
        // given
        String e0 = event("e0", "02:30:12", "ROLLBACK_COMPLETE", "devSampleApp", "AWS::CloudFormation::Stack", null);
        String e1 = event("e1", "02:40:02", "DELETE_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e2 = event("e2", "02:40:04", "DELETE_COMPLETE", "devSampleApp", "AWS::CloudFormation::Stack", null);
        String e3 = event("e3", "02:40:06", "REVIEW_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e4 = event("e4", "02:40:09", "CREATE_COMPLETE", "devSampleApp", "AWS::CloudFormation::Stack", null);
        cloudFormation.on("DescribeStacks", ok(stack("ROLLBACK_COMPLETE")), ok(stack("DELETE_COMPLETE")),
                ok(stack("CREATE_COMPLETE")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(e0), null)), ok(events(List.of(e2, e1, e0), null)),
                ok(events(List.of(e3), null)), ok(events(List.of(e4, e3), null)));
        cloudFormation.on("DeleteStack", ok(empty("DeleteStack")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));

        // when
        List<StackResult> results = engine.deploy(List.of(deployment(Map.of())), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.DEPLOYED);
        assertThat(out.toString()).contains(
                "devSampleApp | stack is in ROLLBACK_COMPLETE (a previous creation failed); deleting it before creating it again",
                "devSampleApp | 02:40:04 | DELETE_COMPLETE | devSampleApp | AWS::CloudFormation::Stack",
                "devSampleApp | 02:40:09 | CREATE_COMPLETE | devSampleApp | AWS::CloudFormation::Stack");
        assertThat(cloudFormation.count("DeleteStack")).isEqualTo(1);
        assertThat(cloudFormation.bodies("CreateChangeSet").get(0)).contains("ChangeSetType=CREATE");
    }

    // Gap: moto returns every event in one page; AWS pages DescribeStackEvents (newest first, NextToken).
    @Test
    void deploy_eventsSpanTwoPages_readsOnUntilTheLastSeenEventAndPrintsEachOnceInOrder() {
        // given
        String e0 = event("e0", "02:40:01", "REVIEW_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e1 = event("e1", "02:40:05", "CREATE_IN_PROGRESS", "devSampleApp", "AWS::CloudFormation::Stack", "User Initiated");
        String e2 = event("e2", "02:40:07", "CREATE_IN_PROGRESS", "Param", "AWS::SSM::Parameter", null);
        String e3 = event("e3", "02:40:09", "CREATE_COMPLETE", "Param", "AWS::SSM::Parameter", null);
        cloudFormation.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_COMPLETE")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(e0), null)), ok(events(List.of(e3, e2), "page2")));
        cloudFormation.onRequestContaining("DescribeStackEvents", "NextToken=page2", ok(events(List.of(e1, e0), "page3")));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));

        // when
        engine.deploy(List.of(deployment(Map.of())), DeployOptions.DEFAULTS);

        // then: page 3 is never read, because page 2 reached the last event seen before executing
        assertThat(out.toString().lines().filter(l -> l.matches("devSampleApp \\| 02:40:\\d\\d \\| .*")).toList())
                .containsExactly(
                        "devSampleApp | 02:40:05 | CREATE_IN_PROGRESS | devSampleApp | AWS::CloudFormation::Stack",
                        "devSampleApp | 02:40:07 | CREATE_IN_PROGRESS | Param | AWS::SSM::Parameter",
                        "devSampleApp | 02:40:09 | CREATE_COMPLETE | Param | AWS::SSM::Parameter");
        assertThat(cloudFormation.bodies("DescribeStackEvents")).noneMatch(b -> b.contains("NextToken=page3"));
    }

    // Gap: moto lacks UpdateTerminationProtection.
    @Test
    void deploy_noChangesAndProtectionRequested_reportsNoChangesAndEnablesProtection() {
        // given
        cloudFormation.on("DescribeStacks", ok(stack("UPDATE_COMPLETE", "Param", "v")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("FAILED",
                "The submitted information didn't contain changes. Submit different information to create a change set.")));
        cloudFormation.on("DeleteChangeSet", ok(empty("DeleteChangeSet")));
        cloudFormation.on("UpdateTerminationProtection", ok(CloudFormationXml.response("UpdateTerminationProtection",
                "    <StackId>" + CloudFormationXml.STACK_ID + "</StackId>")));
        ResolvedStack protectedStack = ResolvedStack.of(TestStacks.stack("devSampleApp", env(), template())
                .terminationProtection(true).build());

        // when
        List<StackResult> results = engine.deploy(List.of(protectedStack), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.NO_CHANGES);
        assertThat(out.toString()).contains("devSampleApp | no changes", "termination protection enabled",
                "devSampleApp.Param = v");
        assertThat(cloudFormation.bodies("CreateChangeSet").get(0)).contains("ChangeSetType=UPDATE");
        assertThat(cloudFormation.count("ExecuteChangeSet")).isZero();
        assertThat(cloudFormation.count("DeleteChangeSet")).isEqualTo(1);
        assertThat(cloudFormation.bodies("UpdateTerminationProtection").get(0)).contains("EnableTerminationProtection=true");
    }

    // Gap: moto never fails a deletion.
    @Test
    void destroy_deletionFails_reportsTheFailingResourceAndReason() {
        // given: the deletion fails on a resource
        String reason = "Resource handler returned message: \"The bucket you tried to delete is not empty\"";
        cloudFormation.on("DescribeStacks", ok(stack("UPDATE_COMPLETE")), ok(stack("DELETE_FAILED")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(), null)), ok(events(List.of(
                event("e2", "02:50:09", "DELETE_FAILED", "devSampleApp", "AWS::CloudFormation::Stack", "The following resource(s) failed to delete: [Bucket]."),
                event("e1", "02:50:05", "DELETE_FAILED", "Bucket", "AWS::S3::Bucket", reason)), null)));
        cloudFormation.on("DeleteStack", ok(empty("DeleteStack")));

        // when / then
        assertThatThrownBy(() -> engine.destroy(List.of(deployment(Map.of())), Optional.empty(), 1))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AWS))
                .hasMessageContaining("Could not destroy devSampleApp: DELETE_FAILED: Bucket (AWS::S3::Bucket): " + reason);
        assertThat(out.toString()).contains("devSampleApp | 02:50:05 | DELETE_FAILED | Bucket | AWS::S3::Bucket | " + reason);
    }

    // Gap: moto lacks termination protection.
    @Test
    void destroy_terminationProtection_refusesNamingTheFix() {
        cloudFormation.on("DescribeStacks", ok(stack("UPDATE_COMPLETE").replace(
                "<EnableTerminationProtection>false", "<EnableTerminationProtection>true")));

        assertThatThrownBy(() -> engine.destroy(List.of(deployment(Map.of())), Optional.empty(), 1))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("termination protection");
        assertThat(cloudFormation.count("DeleteStack")).isZero();
    }

    @Test
    void deploy_imageAssetWithNoDestinations_deploysWithoutAnyContainerTool() throws Exception {
        // given: dev's assets name an image but no destination (nothing to build or push); CDK_DOCKER is missing
        Path assets = dir.resolve("devSampleApp.assets.json");
        Files.writeString(assets, "{\"version\":\"48.0.0\",\"files\":{},\"dockerImages\":{\"9f1c\":{\"source\":"
                + "{\"directory\":\"asset.9f1c\"},\"destinations\":{}}}}");
        ResolvedStack dev = ResolvedStack.of(TestStacks.stack("devSampleApp", env(), template()).assetManifests(List.of(assets)).build());
        cloudFormation.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_COMPLETE", "Param", "v")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(), null)));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));

        // when
        List<StackResult> results = engine.deploy(List.of(dev), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome().ok()).isTrue());
        assertThat(cloudFormation.count("ExecuteChangeSet")).isEqualTo(1);
    }

    private ResolvedStack deployment(Map<String, String> tags) {
        return ResolvedStack.of(TestStacks.stack("devSampleApp", env(), template()).tags(tags).build());
    }

    private static AwsEnvironment env() {
        return new AwsEnvironment(CloudFormationXml.ACCOUNT, CloudFormationXml.REGION);
    }

    private Path template() {
        Path file = dir.resolve("devSampleApp.template.json");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "{\"Parameters\":{\"Env\":{\"Type\":\"String\",\"Default\":\"dev\"}},\"Resources\":{\"Param\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":"
                        + "{\"Type\":\"String\",\"Value\":\"dev\",\"Name\":\"/cdkj/dev/param\"}}},"
                        + "\"Outputs\":{\"Param\":{\"Value\":{\"Ref\":\"Param\"}}}}");
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void setProperty(String key, String value) {
        savedProperties.add(key);
        savedProperties.add(System.getProperty(key));
        System.setProperty(key, value);
    }
}
