package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * The approval gate end to end through {@code cdkj deploy} against moto: one stack with an IAM role
 * and its policy, deployed, then changed so that its only change widens the policy. Every path of
 * {@code --require-approval} — the default (broadening) without a terminal, {@code never}, a terminal
 * declining and approving, {@code --ci}, {@code --yes}, {@code any-change}, and cdk.json's
 * {@code requireApproval} under the command line — is asserted by what CloudFormation was asked to
 * do (the call log) and what is deployed. The steps share moto's state, so they run in order; the
 * assembly is written by the test (no app, no jsii).
 */
@ExtendWith(MotoExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployApprovalTest {

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "us-east-2";
    private static final String STACK = "ApprovalStack";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path project;
    @TempDir
    static Path home;
    @TempDir
    static Path assembly;

    private static MotoServer moto;

    @BeforeAll
    static void start(MotoServer server) {
        moto = server;
        moto.reset();
    }

    @Test
    @Order(1)
    void deploy_newStackWithAnIamPolicyNoTerminal_stopsBeforeAnyChangeSetNamingTheStackAndTheFlag() {
        writeAssembly(List.of("s3:GetObject"), "v1");

        CliHarness.Run run = deploy(null);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("IAM Statement Changes", "s3:GetObject",
                "\"--require-approval\" is 'broadening' and " + STACK + " includes security-sensitive updates",
                "so nothing was deployed", "--require-approval never");
        assertNothingExecuted();
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateStack")).isZero();
    }

    @Test
    @Order(2)
    void deploy_requireApprovalNever_deploysWithoutAsking() {
        CliHarness.Run run = deploy(null, "--require-approval", "never");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ " + STACK + " deployed");
        assertThat(run.err()).doesNotContain("IAM Statement Changes");
        assertThat(deployedTemplate()).contains("s3:GetObject").doesNotContain("s3:PutObject");
    }

    @Test
    @Order(3)
    void deploy_onlyChangeWidensThePolicyNoTerminal_failsWithNoExecuteChangeSet() {
        writeAssembly(List.of("s3:GetObject", "s3:PutObject"), "v1");

        CliHarness.Run run = deploy(null);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("IAM Statement Changes", "s3:PutObject", STACK, "--require-approval never");
        assertNothingExecuted();
        assertThat(deployedTemplate()).doesNotContain("s3:PutObject");
    }

    @Test
    @Order(4)
    void deploy_ciOnATerminal_doesNotAskAndFails() {
        CliHarness.Run run = deploy("y\n", "--ci");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("no terminal is attached").doesNotContain("(y/n)");
        assertNothingExecuted();
    }

    @Test
    @Order(5)
    void deploy_terminalDeclines_cancelsWithNoExecuteChangeSet() {
        CliHarness.Run run = deploy("n\n");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Do you wish to deploy these changes (y/n)?",
                "Deployment cancelled: " + STACK + " was not approved");
        assertNothingExecuted();
        assertThat(deployedTemplate()).doesNotContain("s3:PutObject");
    }

    @Test
    @Order(6)
    void deploy_terminalApproves_executesTheChangeSetOnce() {
        CliHarness.Run run = deploy("yes\n");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("IAM Statement Changes", "Do you wish to deploy these changes (y/n)?");
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isEqualTo(1);
        assertThat(deployedTemplate()).contains("s3:PutObject");
    }

    @Test
    @Order(7)
    void deploy_changeThatWidensNothingByDefault_deploysWithoutAsking() {
        writeAssembly(List.of("s3:GetObject", "s3:PutObject"), "v2");

        CliHarness.Run run = deploy(null);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("--require-approval");
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isEqualTo(1);
    }

    @Test
    @Order(8)
    void deploy_anyChangeNoTerminal_failsOnANonSecurityChange() {
        writeAssembly(List.of("s3:GetObject", "s3:PutObject"), "v3");

        CliHarness.Run run = deploy(null, "--require-approval=any-change");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("'any-change' and " + STACK + " includes updates");
        assertNothingExecuted();
    }

    @Test
    @Order(9)
    void deploy_cdkJsonRequiresAnyChange_appliesUnlessTheCommandLineSaysOtherwise() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"requireApproval\": \"any-change\"}");
        Files.writeString(home.resolve(".cdk.json"), "{\"requireApproval\": \"never\"}");
        try {
            CliHarness.Run fromCdkJson = deploy(null);
            assertThat(fromCdkJson.exitCode()).as("cdk.json over ~/.cdk.json: %s", fromCdkJson.err()).isEqualTo(2);
            assertThat(fromCdkJson.err()).contains("'any-change'");
            assertNothingExecuted();

            CliHarness.Run fromCommandLine = deploy(null, "--require-approval", "never");
            assertThat(fromCommandLine.exitCode()).as(fromCommandLine.err()).isZero();
            assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isEqualTo(1);
        } finally {
            Files.delete(project.resolve("cdk.json"));
            Files.delete(home.resolve(".cdk.json"));
        }
    }

    @Test
    @Order(10)
    void deploy_yesWithoutATerminal_approvesAndSaysSo() {
        writeAssembly(List.of("s3:*"), "v3");

        CliHarness.Run run = deploy(null, "--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("s3:*", "(auto-confirmed: --yes)");
        assertThat(deployedTemplate()).contains("s3:*");
    }

    @Test
    @Order(11)
    void deploy_unknownApprovalLevel_failsNamingTheChoices() {
        CliHarness.Run run = deploy(null, "--require-approval", "sometimes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("sometimes", "never", "any-change", "broadening");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    /** Runs {@code deploy} as the account's own caller; {@code typed} non-null: on a terminal. */
    private static CliHarness.Run deploy(String typed, String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "deploy";
        args[1] = "--app";
        args[2] = assembly.toString();
        System.arraycopy(flags, 0, args, 3, flags.length);
        var caller = moto.callerIn(ACCOUNT);
        AwsCallLog.global().reset(); // after the test's own AssumeRole for the caller
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, REGION)) {
            CliHarness harness = new CliHarness(project, home).env("AWS_REGION", REGION);
            if (typed != null) {
                harness.terminal(typed);
            }
            return harness.run(args);
        }
    }

    private static void assertNothingExecuted() {
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
        assertThat(AwsCallLog.global().count("CloudFormation", "UpdateStack")).isZero();
    }

    private static String deployedTemplate() {
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(Region.of(REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(ACCOUNT))).build()) {
            return cfn.getTemplate(r -> r.stackName(STACK)).templateBody();
        }
    }

    /** A one-stack assembly: a role and a policy allowing {@code actions}; {@code description} changes nothing else. */
    private static void writeAssembly(List<String> actions, String description) {
        ObjectNode manifest = JSON.createObjectNode().put("version", "44.0.0");
        ObjectNode stack = manifest.putObject("artifacts").putObject(STACK)
                .put("type", "aws:cloudformation:stack").put("environment", "aws://" + ACCOUNT + "/" + REGION);
        stack.putObject("properties").put("templateFile", STACK + ".template.json");
        ObjectNode template = JSON.createObjectNode().put("Description", "approval test " + description);
        ObjectNode resources = template.putObject("Resources");
        ObjectNode role = resources.putObject("Role").put("Type", "AWS::IAM::Role");
        ObjectNode trust = role.putObject("Properties").putObject("AssumeRolePolicyDocument").put("Version", "2012-10-17");
        trust.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "sts:AssumeRole")
                .putObject("Principal").put("Service", "lambda.amazonaws.com");
        ObjectNode policy = resources.putObject("RolePolicy").put("Type", "AWS::IAM::Policy");
        ObjectNode properties = policy.putObject("Properties").put("PolicyName", "approval");
        properties.putArray("Roles").addObject().put("Ref", "Role");
        ObjectNode statement = properties.putObject("PolicyDocument").put("Version", "2012-10-17")
                .putArray("Statement").addObject().put("Effect", "Allow")
                .put("Resource", "arn:aws:s3:::cdkj-approval/*");
        ArrayNode actionList = statement.putArray("Action");
        actions.forEach(actionList::add);
        try {
            JSON.writeValue(assembly.resolve("manifest.json").toFile(), manifest);
            JSON.writeValue(assembly.resolve(STACK + ".template.json").toFile(), template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
