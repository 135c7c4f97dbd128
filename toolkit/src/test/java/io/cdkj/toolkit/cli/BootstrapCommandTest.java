package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.testing.Scopes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.bootstrap.BootstrapTemplate;
import io.cdkj.toolkit.plugins.fakes.GatedAssumeRolePlugin;
import io.cdkj.toolkit.testing.AccountView;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/**
 * {@code cdkj bootstrap} through the CLI against moto: environments in parallel each with its own
 * account's WRITE credentials, re-runs without changes, failures contained to their environment, the
 * takeover rules, the app's environments, and the template printed.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class BootstrapCommandTest {

    private static final String ALPHA = "aws://444455556666/eu-west-1";
    private static final String BETA = "aws://777788889999/us-west-2";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();

    BootstrapCommandTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void setUp() {
        moto.reset();
        GatedAssumeRolePlugin.gate = new CountDownLatch(1);
    }

    @AfterEach
    void tearDown() throws Exception {
        scopes.close();
    }

    @Test
    void bootstrap_twoAccountsInTwoRegions_inParallelEachWithItsOwnCredentials_thenNoChanges() {
        // given: the pipeline, and a plugin that only answers when both accounts ask at the same time
        scopes.add(PipelineCaller.actAsPipeline(moto));
        GatedAssumeRolePlugin.gate = new CountDownLatch(2);

        // when
        CliHarness.Run run = cdkj("bootstrap", ALPHA, BETA, "--plugin", "fake-gated", "--trust", "222222222222",
                "--cloudformation-execution-policies", ADMIN);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ " + ALPHA + " bootstrapped", "✅ " + BETA + " bootstrapped");
        assertThat(run.err()).contains(ALPHA + " | trusted accounts for deployment: 222222222222",
                BETA + " | execution policies: " + ADMIN,
                ALPHA + " | change: Add | StagingBucket | AWS::S3::Bucket",
                BETA + " | change: Add | DeploymentActionRole | AWS::IAM::Role");
        assertThat(AccountView.roles(moto, "444455556666")).contains("cdk-hnb659fds-deploy-role-444455556666-eu-west-1")
                .doesNotContain("cdk-hnb659fds-deploy-role-777788889999-us-west-2");
        assertThat(AccountView.parameter(moto, "777788889999", "us-west-2", "/cdk-bootstrap/hnb659fds/version")).contains("33");
        List<AwsCall> cloudFormation = AwsCallLog.global().calls().stream().filter(c -> c.service().equals("CloudFormation")).toList();
        assertThat(cloudFormation).filteredOn(c -> c.region().equals("eu-west-1")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.account()).isEqualTo("444455556666"));
        assertThat(cloudFormation).filteredOn(c -> c.region().equals("us-west-2")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.account()).isEqualTo("777788889999"));

        // when: again, unchanged
        AwsCallLog.global().reset();
        GatedAssumeRolePlugin.gate = new CountDownLatch(2);
        CliHarness.Run again = cdkj("bootstrap", ALPHA, BETA, "--plugin", "fake-gated");

        // then: the trust and policies granted before are kept, and nothing is sent to CloudFormation to change
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("✅ " + ALPHA + " (no changes", "✅ " + BETA + " (no changes");
        assertThat(again.err()).contains(ALPHA + " | trusted accounts for deployment: 222222222222", ALPHA + " | no changes");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
    }

    @Test
    void bootstrap_untrust_removesTheAccountAndKeepsTheRest() {
        // given
        scopes.add(PipelineCaller.actAsPipeline(moto));
        cdkj("bootstrap", ALPHA, "--plugin", "fake-gated", "--trust", "222222222222,999999999999",
                "--trust-for-lookup", "888888888888", "--cloudformation-execution-policies", ADMIN, "--qualifier", "team1");

        // when
        CliHarness.Run run = cdkj("bootstrap", ALPHA, "--plugin", "fake-gated", "--untrust", "999999999999");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("✅ " + ALPHA + " bootstrapped");
        assertThat(parameters("444455556666", "eu-west-1")).containsEntry("TrustedAccounts", "222222222222")
                .containsEntry("TrustedAccountsForLookup", "888888888888").containsEntry("Qualifier", "team1")
                .containsEntry("CloudFormationExecutionPolicies", ADMIN);
    }

    @Test
    void bootstrap_oneEnvironmentWithoutCredentials_theOthersAreStillBootstrapped() {
        // given: the default identity acts in 444455556666 only, and no plugin is selected
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), moto.callerIn("444455556666")));

        // when
        CliHarness.Run run = cdkj("bootstrap", ALPHA, "aws://444455556666/us-west-2", BETA);

        // then
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("✅ " + ALPHA + " bootstrapped", "✅ aws://444455556666/us-west-2 bootstrapped",
                "❌ " + BETA + " failed");
        assertThat(run.err()).contains(ALPHA + " | warning: using the default execution policy arn:aws:iam::aws:policy/AdministratorAccess")
                .contains("Error: Could not bootstrap " + BETA + ": Need to perform AWS calls for account 777788889999,"
                        + " but the current credentials are for 444455556666, and no credential plugin was selected");
        assertThat(AccountView.parameter(moto, "444455556666", "us-west-2", "/cdk-bootstrap/hnb659fds/version")).contains("33");
    }

    @Test
    void bootstrap_trustWithoutPolicies_failsAsUsageForThatEnvironment() {
        // given
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), moto.callerIn("444455556666")));

        // when
        CliHarness.Run run = cdkj("bootstrap", ALPHA, "--trust", "222222222222");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Error: Could not bootstrap " + ALPHA + ": --cloudformation-execution-policies is"
                + " required when trusting accounts (222222222222)");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
    }

    @Test
    void bootstrap_stackOfAnotherVariant_isLeftAsItIsUnlessForced() {
        // given: a bootstrap stack deployed from another variant (the Node CLI's, here a stand-in)
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), moto.callerIn("444455556666")));
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn("444455556666"))).build()) {
            cfn.createStack(r -> r.stackName("CDKToolkit").templateBody("""
                    {"Parameters": {"BootstrapVariant": {"Type": "String", "Default": "AWS CDK: Default Resources"}},
                     "Resources": {"V": {"Type": "AWS::SSM::Parameter",
                       "Properties": {"Name": "/other/version", "Type": "String", "Value": "30"}}}}
                    """));
        }

        // when
        CliHarness.Run left = cdkj("bootstrap", ALPHA);
        CliHarness.Run forced = cdkj("bootstrap", ALPHA, "--force");

        // then
        assertThat(left.exitCode()).as(left.err()).isZero();
        assertThat(left.out()).contains("⚠ " + ALPHA + " left as it is: bootstrap stack CDKToolkit holds 'AWS CDK: Default"
                + " Resources', not 'cdkj: Default Resources' (use --force to replace it)");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("✅ " + ALPHA + " bootstrapped");
        assertThat(AccountView.parameter(moto, "444455556666", "eu-west-1", "/cdk-bootstrap/hnb659fds/version")).contains("33");
        assertThat(parameters("444455556666", "eu-west-1")).containsEntry("BootstrapVariant", "cdkj: Default Resources");
    }

    @Test
    void bootstrap_withPluginRoles_inOneStackPerAccount() {
        // given
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), moto.callerIn("444455556666")));

        // when
        CliHarness.Run run = cdkj("bootstrap", "aws://444455556666/us-west-2", ALPHA, "--trust", "222222222222",
                "--cloudformation-execution-policies", ADMIN, "--with-plugin-roles");

        // then: eu-west-1 comes first by name, and only it holds the roles
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(parameters("444455556666", "eu-west-1")).containsEntry("PluginRoles", "true");
        assertThat(parameters("444455556666", "us-west-2")).containsEntry("PluginRoles", "false");
        assertThat(AccountView.roles(moto, "444455556666")).contains("cdk-readOnlyRole", "cdk-writeRole");
    }

    @Test
    void bootstrap_withoutEnvironments_theAppsEnvironments_andWildcardsPickAmongThem() {
        // given: the walkthrough's assembly (dev 111111111111/us-east-2, prod 333333333333/us-east-1)
        scopes.add(PipelineCaller.actAsPipeline(moto));
        String assembly = assembly("sample-app").toString();

        // when
        CliHarness.Run prodOnly = cdkj("bootstrap", "aws://*/us-east-1", "--app", assembly, "--plugin", "fake-gated");
        CliHarness.Run all = cdkj("bootstrap", "--app", assembly, "--plugin", "fake-gated");

        // then
        assertThat(prodOnly.exitCode()).as(prodOnly.err()).isZero();
        assertThat(prodOnly.out()).contains("✅ aws://333333333333/us-east-1 bootstrapped").doesNotContain("111111111111");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).contains("✅ aws://111111111111/us-east-2 bootstrapped", "✅ aws://333333333333/us-east-1 (no changes");
    }

    @Test
    void bootstrap_badEnvironment_failsAsUsageBeforeAnyAwsCall() {
        // when
        CliHarness.Run run = cdkj("bootstrap", "444455556666/eu-west-1");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("Error: '444455556666/eu-west-1' is not an environment: use"
                + " aws://ACCOUNT/REGION, e.g. aws://444455556666/eu-west-1");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    @Test
    void bootstrap_showTemplate_printsItWithoutAnyAwsCall() throws Exception {
        // when
        CliHarness.Run yaml = cdkj("bootstrap", "--show-template");
        CliHarness.Run json = cdkj("bootstrap", "--show-template", "--json");

        // then
        assertThat(yaml.exitCode()).isZero();
        assertThat(yaml.out().strip()).isEqualTo(BootstrapTemplate.bundled().text().strip());
        JsonNode parsed = JSON.readTree(json.out());
        assertThat(parsed.at("/Outputs/BootstrapVersion/Value").asText()).isEqualTo("33");
        assertThat(AwsCallLog.global().calls()).isEmpty();
    }

    private CliHarness.Run cdkj(String... args) {
        AwsCallLog.global().reset();
        CliHarness.Run run = new CliHarness(project, home).run(args);
        return run;
    }

    private Map<String, String> parameters(String account, String region) {
        try (CloudFormationClient cfn = CloudFormationClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build()) {
            return cfn.describeStacks(r -> r.stackName("CDKToolkit")).stacks().get(0).parameters().stream()
                    .collect(Collectors.toMap(Parameter::parameterKey, p -> p.parameterValue() == null ? "" : p.parameterValue()));
        }
    }

    private static Path assembly(String name) {
        try {
            return Path.of(BootstrapCommandTest.class.getResource("/assemblies/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
