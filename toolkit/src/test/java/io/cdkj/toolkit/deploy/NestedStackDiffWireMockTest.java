package io.cdkj.toolkit.deploy;

import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code diff} of a stack with a nested stack shows the nested stack's own changes — its security
 * table and its resources under the parent's resource — not just the parent's {@code TemplateURL}.
 * Gap: moto runs nested stacks, but its GetTemplate of a nested stack returns a Python repr of the
 * template instead of the template, so CloudFormation's responses are served by WireMock.
 */
class NestedStackDiffWireMockTest {

    private static final String NESTED_ID = "arn:aws:cloudformation:us-east-2:111111111111:stack/"
            + "devSampleApp-ChildNestedStackChildNestedStackResource1A2B3C4D-1XYZ/0f1e2d3c-aaaa-bbbb-cccc-0a1b2c3d4e5f";

    @TempDir
    Path dir;

    private CloudFormationStub cloudFormation;
    private AwsClientFactory clients;
    private String savedEndpoint;
    private final StringWriter out = new StringWriter();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        cloudFormation = new CloudFormationStub();
        savedEndpoint = System.getProperty("aws.endpointUrl");
        System.setProperty("aws.endpointUrl", cloudFormation.endpoint());
        clients = new AwsClientFactory();
    }

    @AfterEach
    void tearDown() {
        clients.close();
        cloudFormation.close();
        if (savedEndpoint == null) {
            System.clearProperty("aws.endpointUrl");
        } else {
            System.setProperty("aws.endpointUrl", savedEndpoint);
        }
    }

    @Test
    void diff_nestedStackChanged_showsItsOwnChangesAndSecurityTableWithReadCredentials() throws Exception {
        // given: the nested template widens a policy and renames a topic; the parent changes nothing else
        Files.writeString(dir.resolve("nested.template.json"), nested("[\"s3:GetObject\", \"s3:PutObject\"]", "two"));
        Path parent = Files.writeString(dir.resolve("devSampleApp.template.json"), parent("https://new-url"));
        cloudFormation.on("DescribeStacks", ok(CloudFormationXml.stack("UPDATE_COMPLETE")));
        cloudFormation.onRequestContaining("GetTemplate", "StackName=devSampleApp&",
                ok(template(parent("https://s3.us-east-2.amazonaws.com/old-url"))));
        cloudFormation.onRequestContaining("GetTemplate", "ChildNestedStack",
                ok(template(nested("\"s3:GetObject\"", "one"))));
        cloudFormation.on("DescribeStackResource", ok(CloudFormationXml.response("DescribeStackResource", """
                <StackResourceDetail>
                  <StackName>devSampleApp</StackName>
                  <StackId>%s</StackId>
                  <LogicalResourceId>ChildNestedStackChildNestedStackResource1A2B3C4D</LogicalResourceId>
                  <PhysicalResourceId>%s</PhysicalResourceId>
                  <ResourceType>AWS::CloudFormation::Stack</ResourceType>
                  <LastUpdatedTimestamp>2025-01-02T03:04:05.000Z</LastUpdatedTimestamp>
                  <ResourceStatus>UPDATE_COMPLETE</ResourceStatus>
                </StackResourceDetail>""".formatted(CloudFormationXml.STACK_ID, NESTED_ID))));
        StaticEnvironmentCredentials credentials = new StaticEnvironmentCredentials(
                Map.of(CloudFormationXml.ACCOUNT, AwsBasicCredentials.create("AKIAWIREMOCKEXAMPLE1",
                        "wiremockSecretKeyThatMustNeverBePrinted0")),
                (base, role) -> { throw new AssertionError("no role expected"); });
        StackDiffer differ = new StackDiffer(credentials, clients, new PrintWriter(out, true), sleeps::add, line -> { });
        ResolvedStack stack = ResolvedStack.of(TestStacks.stack(CloudFormationXml.STACK,
                new AwsEnvironment(CloudFormationXml.ACCOUNT, CloudFormationXml.REGION), parent).build());

        // when
        int differing = differ.diff(List.of(stack), new DiffOptions(DiffMethod.TEMPLATE, 3, false, false, false));

        // then
        String printed = out.toString();
        assertThat(differing).isEqualTo(1);
        assertThat(printed).containsSubsequence("Nested stack devSampleApp/ChildNestedStackChildNestedStackResource1A2B3C4D",
                        "IAM Statement Changes", "│ + │ arn:aws:s3:::b/* │ Allow  │ s3:GetObject │", "│ s3:PutObject │")
                .containsSubsequence("Resources", "[~] AWS::CloudFormation::Stack Child.NestedStack/Child.NestedStackResource"
                        + " ChildNestedStackChildNestedStackResource1A2B3C4D", "[~] NestedTemplate", "[~] .Policy:",
                        "[+]       \"s3:PutObject\"", "[~] .Topic:", "[~] .DisplayName:", "[-] one", "[+] two")
                .doesNotContain("TemplateURL").doesNotContain("old-url");
        assertThat(credentials.requests).extracting(StaticEnvironmentCredentials.Request::mode)
                .containsOnly(io.cdkj.plugin.Mode.READ);
        assertThat(cloudFormation.count("CreateChangeSet")).isZero();
        assertThat(cloudFormation.count("GetTemplate")).isEqualTo(2);
    }

    private static String parent(String templateUrl) {
        return """
                {"Resources": {"ChildNestedStackChildNestedStackResource1A2B3C4D": {"Type": "AWS::CloudFormation::Stack",
                  "Properties": {"TemplateURL": "%s"},
                  "Metadata": {"aws:cdk:path": "devSampleApp/Child.NestedStack/Child.NestedStackResource",
                    "aws:asset:path": "nested.template.json", "aws:asset:property": "TemplateURL"}}}}"""
                .formatted(templateUrl);
    }

    private static String nested(String actions, String displayName) {
        return """
                {"Resources": {
                  "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "%s"}},
                  "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
                  "Policy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "p", "Roles": [{"Ref": "Role"}],
                    "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": %s,
                      "Resource": "arn:aws:s3:::b/*"}]}}}}}""".formatted(displayName, actions);
    }

    private static String template(String body) {
        return CloudFormationXml.response("GetTemplate", "<TemplateBody>" + body.replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;") + "</TemplateBody>\n<StagesAvailable><member>Original</member>"
                + "<member>Processed</member></StagesAvailable>");
    }
}
