package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdkj credentials} per stack, in-process against moto, with the real {@code assume-role} plugin
 * and the pre-synthesized sample-app assembly ({@code --app DIR}: no jsii run), or small assemblies
 * written by the test where the manifest must name roles.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class StackCredentialsReportTest {

    private static final String SHARED = "222222222222";
    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_LIKE = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private AwsSystemProperties caller;
    private CliHarness cli;

    StackCredentialsReportTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void pipelineCallerInSharedServices() {
        caller = PipelineCaller.actAsPipeline(moto);
        cli = new CliHarness(work, home);
    }

    @AfterEach
    void restoreAndCheckNoSecretLikeOutput() {
        caller.close();
        // SecretGuard checks the secrets the test knows; this also catches the ones the plugin obtained.
        for (CliHarness.Run run : cli.runs()) {
            assertThat(SECRET_LIKE.matcher(run.all()).find()).as("secret-like string in: %s", run.all()).isFalse();
            assertThat(run.all()).doesNotContainPattern("ASIA[A-Z0-9]{16}");
        }
    }

    @Test
    void credentials_allStacksWithAssumeRole_explainsReadAndWriteOfEachStack() throws Exception {
        // when
        CliHarness.Run run = cli.run("--plugin", "assume-role", "credentials", "--all", "--app", sampleApp(),
                "--format", "json");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("defaultIdentity").asText()).contains(SHARED, "pipeline");
        assertThat(report.get("plugins")).extracting(JsonNode::asText).containsExactly("assume-role");
        List<String> explained = new ArrayList<>();
        for (JsonNode entry : report.get("stacks")) {
            String account = entry.get("stack").asText().startsWith("dev") ? DEV : PROD;
            String region = account.equals(DEV) ? "us-east-2" : "us-east-1";
            String role = entry.get("mode").asText().equals("read") ? "cdk-readOnlyRole" : "cdk-writeRole";
            assertThat(entry.get("environment").asText()).isEqualTo("aws://" + account + "/" + region);
            assertThat(entry.get("source").asText()).isEqualTo("plugin assume-role");
            assertThat(entry.get("roleArn").asText()).isEqualTo("arn:aws:iam::" + account + ":role/" + role);
            assertThat(entry.get("sessionName").asText()).startsWith("cdkj-" + entry.get("mode").asText());
            assertThat(entry.get("manifestRole").isNull()).as("CliCredentialsStackSynthesizer names no role").isTrue();
            assertThat(entry.get("account").asText()).isEqualTo(account);
            assertThat(entry.has("error")).isFalse();
            explained.add(entry.get("stack").asText() + " " + entry.get("mode").asText());
        }
        assertThat(explained).containsExactly("devSampleApp read", "devSampleApp write", "prodSampleApp read",
                "prodSampleApp write");
    }

    @Test
    void credentials_oneStackOneModeAsTable_explainsOnlyThat() {
        CliHarness.Run run = cli.run("--plugin", "assume-role", "credentials", "prodSampleApp", "--mode", "write",
                "--app", sampleApp());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prodSampleApp (write)", "aws://333333333333/us-east-1", "Source:",
                "plugin assume-role", "arn:aws:iam::333333333333:role/cdk-writeRole", "Resulting account:",
                "none (the stack names no assumeRoleArn")
                .doesNotContain("devSampleApp", "(read)");
    }

    @Test
    void credentials_withoutPlugin_eachStackShowsTheCdkMessage_andExitIsNonZero() {
        CliHarness.Run run = cli.run("credentials", "--all", "--app", sampleApp());

        assertThat(run.exitCode()).isEqualTo(3);
        for (String account : List.of(DEV, PROD)) {
            assertThat(run.out()).contains("Need to perform AWS calls for account " + account
                    + ", but the current credentials are for 222222222222, and no credential plugin was selected.");
        }
        assertThat(run.out()).contains("devSampleApp (read)", "devSampleApp (write)", "prodSampleApp (read)",
                "prodSampleApp (write)");
        assertThat(run.err()).isEqualTo("Error: No usable credentials for devSampleApp (read), devSampleApp (write),"
                + " prodSampleApp (read), prodSampleApp (write) (4 of 4; each reason is in that stack's entry above)"
                + System.lineSeparator());
    }

    @Test
    void credentials_oneStackFails_theOthersAreStillExplained() throws Exception {
        // given: one stack in the caller's own account, one in dev; no plugin
        String app = writeAssembly("mixed", stack("sharedStack", SHARED, "us-east-1", ""),
                stack("devStack", DEV, "us-east-2", ""));

        // when
        CliHarness.Run run = cli.run("credentials", "--all", "--app", app, "--format", "json");

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode stacks = JSON.readTree(run.out()).get("stacks");
        assertThat(stacks).hasSize(4);
        for (JsonNode entry : stacks) {
            if (entry.get("stack").asText().equals("sharedStack")) {
                assertThat(entry.get("source").asText()).startsWith("default identity arn:aws:sts::" + SHARED);
                assertThat(entry.get("account").asText()).isEqualTo(SHARED);
            } else {
                assertThat(entry.get("error").asText()).startsWith("Need to perform AWS calls for account " + DEV
                        + ", but the current credentials are for " + SHARED);
            }
        }
        assertThat(run.err()).contains("devStack (read), devStack (write) (2 of 4");
    }

    @Test
    void credentials_manifestRoles_areAssumedOnTop_oncePerAccountAndRole() throws Exception {
        // given: two stacks sharing dev's environment, each naming the bootstrap deploy and lookup roles
        String roles = """
                , "assumeRoleArn": "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-us-east-2",
                  "lookupRole": {"arn": "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-lookup-role-111111111111-us-east-2"}""";
        String app = writeAssembly("roles", stack("first", DEV, "us-east-2", roles), stack("second", DEV, "us-east-2", roles));

        // when
        CliHarness.Run run = cli.run("--plugin", "assume-role", "credentials", "--all", "--app", app, "--format", "json");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (JsonNode entry : JSON.readTree(run.out()).get("stacks")) {
            boolean read = entry.get("mode").asText().equals("read");
            assertThat(entry.get("roleArn").asText())
                    .isEqualTo("arn:aws:iam::111111111111:role/" + (read ? "cdk-readOnlyRole" : "cdk-writeRole"));
            assertThat(entry.get("manifestRole").asText()).isEqualTo("arn:aws:iam::111111111111:role/cdk-hnb659fds-"
                    + (read ? "lookup" : "deploy") + "-role-111111111111-us-east-2");
            assertThat(entry.get("manifestRoleSessionName").asText()).isEqualTo("cdkj-tester");
            assertThat(entry.get("account").asText()).isEqualTo(DEV);
        }
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", SHARED)).as("cdk-readOnlyRole and cdk-writeRole, once each")
                .isEqualTo(2);
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", DEV)).as("lookup and deploy role, once each")
                .isEqualTo(2);
    }

    @Test
    void credentials_dryRun_makesNoAwsCall_andSaysWhatWouldBeTried() throws Exception {
        String roles = ", \"assumeRoleArn\": \"arn:${AWS::Partition}:iam::111111111111:role/"
                + "cdk-hnb659fds-deploy-role-111111111111-us-east-2\"";
        String app = writeAssembly("dry", stack("devStack", DEV, "us-east-2", roles));

        CliHarness.Run run = cli.run("--plugin", "assume-role", "credentials", "--all", "--app", app, "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("not looked up (--dry-run makes no AWS call)",
                "devStack (read)", "devStack (write)", "the default identity if it acts in 111111111111",
                "assume-role: would provide (assume arn:aws:iam::111111111111:role/cdk-readOnlyRole as session cdkj-read)",
                "assume-role: would provide (assume arn:aws:iam::111111111111:role/cdk-writeRole as session cdkj-write)",
                "arn:aws:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-us-east-2 (would be assumed)",
                "none (the stack names no lookupRole");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void credentials_dryRunWithoutPlugin_makesNoAwsCall_andSaysNoneIsSelected() {
        CliHarness.Run run = cli.run("credentials", "--all", "--app", sampleApp(), "--dry-run", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("none selected: only credentials for account 111111111111 would work");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void credentials_formatProcessWithoutAccount_isUsageErrorNamingTheFix() {
        CliHarness.Run run = cli.run("credentials", "--all", "--app", sampleApp(), "--format", "process");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format process", "--account ACCOUNT --mode read|write");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void credentials_accountWithoutMode_isUsageError() {
        CliHarness.Run run = cli.run("credentials", "--account", DEV);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--account needs --mode read or --mode write");
    }

    @Test
    void credentials_noAppAndNoAccount_isUsageErrorNamingBothWays() {
        CliHarness.Run run = cli.run("credentials");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pass --app", "\"app\" in cdk.json", "--account ACCOUNT --mode read|write");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void credentials_unknownStack_listsTheAppsStacks() {
        CliHarness.Run run = cli.run("credentials", "nope", "--app", sampleApp());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No stack matches 'nope'", "devSampleApp, prodSampleApp");
    }

    @Test
    void credentials_defaultIdentityInAnotherPartitionThanTheStacksRegion_failsNamingBoth() throws IOException {
        // The global --region is the default identity's region too, so the other partition comes from a stack.
        String assembly = writeAssembly("china", stack("Beijing", SHARED, "cn-north-1", ""));

        CliHarness.Run run = cli.run("credentials", "Beijing", "--app", assembly, "--mode", "read");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("No usable credentials for Beijing (read)");
        assertThat(run.out()).as("the stack's entry").contains("arn:aws:sts::" + SHARED, "partition 'aws'", "region cn-north-1",
                "partition 'aws-cn'");
    }

    private static String sampleApp() {
        try {
            return Path.of(StackCredentialsReportTest.class.getResource("/assemblies/sample-app").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stack(String id, String account, String region, String extraProperties) {
        return """
                "%s": {"type": "aws:cloudformation:stack", "environment": "aws://%s/%s",
                  "properties": {"templateFile": "%s.template.json"%s}, "displayName": "%s"}"""
                .formatted(id, account, region, id, extraProperties, id);
    }

    private String writeAssembly(String name, String... stacks) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.writeString(dir.resolve("manifest.json"), "{\"version\": \"54.0.0\", \"artifacts\": {"
                + String.join(",\n", stacks) + "}}");
        for (String stack : stacks) {
            String id = stack.substring(stack.indexOf('"') + 1, stack.indexOf("\":"));
            Files.writeString(dir.resolve(id + ".template.json"), "{\"Resources\": {}}");
        }
        return dir.toString();
    }
}
