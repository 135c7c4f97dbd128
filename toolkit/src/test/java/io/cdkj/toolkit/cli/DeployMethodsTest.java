package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.testing.AccountView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdkj deploy --method} through the CLI against moto, asserted by the CloudFormation calls made
 * and what is deployed: {@code prepare-change-set} creates and stops, {@code execute-change-set
 * --change-set-name} runs the prepared one, {@code direct} updates without a change set,
 * {@code --no-execute} is prepare, and {@code --progress errors-only} prints no successful event. One
 * stack with one SSM parameter, in order.
 */
@ExtendWith(MotoExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployMethodsTest {

    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "us-east-2";
    private static final String PARAMETER = "/cdkj/methods/value";

    @TempDir
    static Path project;
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
    void prepareChangeSet_createsItWithoutExecuting() throws IOException {
        writeAssembly("one");

        CliHarness.Run run = deploy("--method=prepare-change-set", "--change-set-name", "release-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ Methods (change set created, not executed");
        assertThat(run.err()).contains("change set release-1 created, not executed",
                "--method execute-change-set --change-set-name release-1");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
        assertThat(AccountView.parameter(moto, ACCOUNT, REGION, PARAMETER)).isEmpty();
    }

    @Test
    @Order(2)
    void executeChangeSet_runsThePreparedOne() {
        CliHarness.Run run = deploy("-m", "execute-change-set", "--change-set-name=release-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ Methods deployed");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isEqualTo(1);
        assertThat(AccountView.parameter(moto, ACCOUNT, REGION, PARAMETER)).contains("one");
    }

    @Test
    @Order(3)
    void executeChangeSet_withoutAName_failsNamingTheFlag() {
        CliHarness.Run run = deploy("--method", "execute-change-set");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--change-set-name");
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
    }

    @Test
    @Order(4)
    void direct_updatesWithoutAChangeSetAndErrorsOnlyProgressPrintsNoEvent() throws IOException {
        writeAssembly("two");

        CliHarness.Run run = deploy("--method", "direct", "--progress", "errors-only");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AwsCallLog.global().count("CloudFormation", "UpdateStack")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
        assertThat(run.err()).doesNotContain("UPDATE_COMPLETE |").doesNotContain("UPDATE_IN_PROGRESS |");
        assertThat(AccountView.parameter(moto, ACCOUNT, REGION, PARAMETER)).contains("two");
    }

    @Test
    @Order(5)
    void noExecute_isPrepare() throws IOException {
        writeAssembly("three");

        CliHarness.Run run = deploy("--no-execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
        assertThat(AccountView.parameter(moto, ACCOUNT, REGION, PARAMETER)).contains("two");
    }

    @Test
    @Order(6)
    void unknownMethod_failsNamingTheChoices() {
        CliHarness.Run run = deploy("--method", "hotswap");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("hotswap", "change-set", "prepare-change-set", "execute-change-set", "direct");
        assertThat(AwsCallLog.global().calls()).filteredOn(c -> c.service().equals("CloudFormation")).isEmpty();
    }

    private static CliHarness.Run deploy(String... flags) {
        String[] args = new String[3 + flags.length];
        args[0] = "deploy";
        args[1] = "--app";
        args[2] = assembly.toString();
        System.arraycopy(flags, 0, args, 3, flags.length);
        var caller = moto.callerIn(ACCOUNT);
        AwsCallLog.global().reset();
        try (AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), caller, REGION)) {
            return new CliHarness(project, project).env("AWS_REGION", REGION).run(args);
        }
    }

    private static void writeAssembly(String value) throws IOException {
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "44.0.0", "artifacts": {"Methods": {"type": "aws:cloudformation:stack",
                  "environment": "aws://%s/%s", "properties": {"templateFile": "Methods.template.json"}}}}"""
                .formatted(ACCOUNT, REGION));
        Files.writeString(assembly.resolve("Methods.template.json"), """
                {"Resources": {"Value": {"Type": "AWS::SSM::Parameter",
                  "Properties": {"Name": "%s", "Type": "String", "Value": "%s"}}}}""".formatted(PARAMETER, value));
    }
}
