package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.DockerExtension;
import io.cdkj.localaws.LocalDocker;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.localaws.WireMockEcr;
import io.cdkj.toolkit.cli.CdkjCli;
import io.cdkj.toolkit.api.Io;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;

/**
 * docs/troubleshooting.md's error table is true: for every row, the scenario named by its first
 * column runs the real CLI ({@link CdkjCli#execute}) against moto (WireMock where STS must refuse), and
 * the output must contain each `fragment` of the message column (a {@code …} stands for text that
 * varies) and the process must exit with the row's exit code. A row without a scenario, or a scenario
 * without a row, fails too.
 */
@ExtendWith(MotoExtension.class)
class TroubleshootingTableTest {

    private static final String DOC = "docs/troubleshooting.md";
    private static final String HEADING = "## Error messages";
    private static final String SHARED = "222222222222";
    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";
    private static final String SSM_KEY = "ssm:account=" + DEV + ":parameterName=/cdkj/sample/message:region=us-east-2";
    private static final String GOOD_DOCKERFILE = "FROM scratch\nCOPY message.txt /message.txt\n";
    private static final String IMAGE_REPOSITORY = "cdkj-troubleshooting-images";
    private static final String SSO_SESSION = "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
            + "sso_region = us-east-1\n";
    private static final Path EXAMPLE_PLUGIN = Repository.path(
            "examples/profile-plugin/target/profile-per-account-plugin-1.0.0.jar");

    /** What one scenario produced. */
    record Outcome(int exitCode, String output) {
    }

    @FunctionalInterface
    interface Scenario {
        Outcome run(TroubleshootingTableTest test) throws Exception;
    }

    private static final String VERSION_PARAMETER = "/cdk-bootstrap/hnb659fds/version";
    private static final String VERSION_REQUIRED = "\"requiresBootstrapStackVersion\": 6, \"bootstrapStackVersionSsmParameter\": \""
            + VERSION_PARAMETER + "\"";
    private static final String DEPLOY_ROLE = "arn:aws:iam::" + DEV + ":role/cdk-hnb659fds-deploy-role-" + DEV + "-us-east-2";
    private static final String LOOKUP_ROLE = "arn:aws:iam::" + DEV + ":role/cdk-hnb659fds-lookup-role-" + DEV + "-us-east-2";
    private static final String PIPELINE_JOB = "arn:aws:sts::" + SHARED + ":assumed-role/pipeline/ci-job-42";
    private static final String DEV_ADMIN = "arn:aws:sts::" + DEV + ":assumed-role/admin/dev-admin";
    private static final String DEPLOY_ROLE_NAMED = "\"assumeRoleArn\": \"" + DEPLOY_ROLE.replace("arn:aws:", "arn:${AWS::Partition}:") + "\"";
    private static final String LOOKUP_ROLE_NAMED = "\"lookupRole\": {\"arn\": \"" + LOOKUP_ROLE.replace("arn:aws:", "arn:${AWS::Partition}:") + "\"}";
    private static final String FOREIGN_ROLE_NAMED = "\"assumeRoleArn\": \"arn:aws:iam::999999999999:role/cdk-hnb659fds-deploy-role-999999999999-us-east-2\"";

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("Wrong-account credentials, no plugin selected", t -> t.asPipeline()
                .cdkj("credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("No credentials at all", t -> t.withoutCredentials()
                .cdkj("--plugin", "assume-role", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Profile not found", t -> t.asPipeline()
                .cdkj("--profile", "ci-deployer", "credentials", "--account", DEV, "--mode", "read"));
        SCENARIOS.put("Access denied on AssumeRole", t -> t.stsDenyingAssumeRole()
                .cdkj("--plugin", "assume-role", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Expired credentials", t -> t.stsExpired()
                .cdkj("credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Unknown plugin", t -> t.asPipeline()
                .cdkj("--plugin", "assume-roles", "credentials", "--account", DEV, "--mode", "read"));
        SCENARIOS.put("Plugin returned credentials for another account", t -> t.asPipeline().withExamplePluginProfiles()
                .cdkj("--plugin", "profile-per-account", "-c", "profile-per-account:" + DEV + "=prod-admin",
                        "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Plugin declined: account not allowed", t -> t.asPipeline()
                .cdkj("--plugin", "assume-role", "-c", "assume-role-credentials:allowedAccounts=" + PROD,
                        "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Conflicting assume-role settings", t -> t.asPipeline()
                .cdkj("--plugin", "assume-role", "-c", "assume-role-credentials:readIamRoleName=lookup",
                        "-c", "assume-role-credentials:readRoleArn=arn:aws:iam::{ACCOUNT_ID}:role/lookup",
                        "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Unknown assume-role setting", t -> t.asPipeline()
                .cdkj("--plugin", "assume-role", "-c", "assume-role-credentials:readRoleName=lookup",
                        "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Several AWS profiles for one account", t -> t.asPipeline().withLaptopConfig(SSO_SESSION
                        + "[profile dev-admin]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = AdministratorAccess\n"
                        + "[profile dev-billing]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = Billing\n")
                .cdkj("--plugin", "profile", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("IAM Identity Center (SSO) login expired", t -> t.asPipeline().withLaptopConfig(SSO_SESSION
                        + "[profile dev]\nsso_session = corp\nsso_account_id = " + DEV + "\nsso_role_name = AdministratorAccess\n")
                .withSsoToken("corp", java.time.Instant.now().minusSeconds(3600))
                .cdkj("--plugin", "profile", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Conflicting per-stack credentials", t -> t.asPipeline().withStagedAssembly()
                .withFile("cdk.json", "{\"context\": {\"cdkj:credentials\": {\"Prod/Db\": {\"profile\": \"prod-admin\"},"
                        + " \"ProdDb\": {\"profile\": \"prod-ops\"}}}}")
                .cdkj("credentials", "--all", "--app", "assembly"));
        SCENARIOS.put("Lookups disabled and a value is not cached", t -> t.asPipeline().withFakeAppMissingContext()
                .cdkj("synth", "--no-lookups"));
        SCENARIOS.put("Lookup value does not exist in the account", t -> t.asPipeline().withSampleApp()
                .cdkj("--plugin", "assume-role", "synth", "--quiet"));
        SCENARIOS.put("Node.js missing", t -> t.withSampleApp().launcherWithoutNode("synth"));
        SCENARIOS.put("No app command", t -> t.asPipeline().cdkj("synth"));
        SCENARIOS.put("Destroy without --force and without a terminal", t -> t.asPipeline().withAssembly()
                .cdkj("destroy", "--all", "--app", "assembly"));
        SCENARIOS.put("Credentials of another partition", t -> t.asPipeline().withChinaAssembly()
                .cdkj("credentials", "--mode", "read", "--app", "china-assembly"));
        SCENARIOS.put("Deploy needs approval and there is no terminal", t -> t.asPipeline().withIamAssembly()
                .cdkj("deploy", "--app", "iam-assembly"));
        SCENARIOS.put("A Node CDK CLI option cdkj does not have", t -> t.cdkj("deploy", "--hotswap"));
        SCENARIOS.put("Build command failed", t -> t.cdkj("synth", "-q", "--build", "exit 3", "--app", "true"));
        SCENARIOS.put("Warnings in --strict mode", t -> t.withWarningAssembly().cdkj("synth", "-q", "--strict", "--app", "warned"));
        SCENARIOS.put("Malformed cdk.json", t -> t.asPipeline().withFile("cdk.json", "{ \"app\": \"java -jar app.jar\", }")
                .cdkj("credentials", "--account", DEV, "--mode", "read"));
        SCENARIOS.put("Container tool not found", t -> t.asPipeline().withImageAssembly(GOOD_DOCKERFILE)
                .withRepositoryInMoto().withPathWithoutDocker().cdkj("deploy", "--all", "--app", "images"));
        SCENARIOS.put("Docker image build failed", t -> t.asPipeline()
                .withImageAssembly("FROM scratch\nCOPY missing-file.txt /\n").withLocalDocker(false)
                .cdkj("deploy", "--all", "--app", "images"));
        SCENARIOS.put("Docker image push failed", t -> t.asPipeline().withImageAssembly(GOOD_DOCKERFILE).withLocalDocker(true)
                .cdkj("deploy", "--all", "--app", "images"));
        SCENARIOS.put("Empty allowed-accounts guard", t -> t.asPipeline().withEnvironment("CDKJ_ASSUME_ROLE_ALLOWED_ACCOUNTS", "")
                .cdkj("--plugin", "assume-role", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Manifest account is not an account id", t -> t.withAssembly("54.0.0", "12345")
                .cdkj("list", "--long", "--app", "assembly"));
        SCENARIOS.put("Invalid region", t -> t.withEnvironment("AWS_REGION", "us-east-1; rm -rf /")
                .cdkj("credentials", "--account", DEV, "--mode", "read", "--dry-run"));
        SCENARIOS.put("Cloud assembly of a newer schema", t -> t.withAssembly("99.0.0", DEV)
                .cdkj("list", "--app", "assembly"));
        SCENARIOS.put("Parameters for a stack the app does not have", t -> t.withAssembly()
                .cdkj("deploy", "--all", "--app", "assembly", "--parameters", "nostack:Key=value"));
        SCENARIOS.put("Configuration nested too deeply", t -> t.withFile("cdk.json",
                        "{\"context\": {\"deep\": " + "[".repeat(700) + "]".repeat(700) + "}}")
                .cdkj("credentials", "--account", DEV, "--mode", "read", "--dry-run"));
        SCENARIOS.put("App wrote no cloud assembly", t -> t.cdkj("synth", "--app", "echo 'main ran'"));
        SCENARIOS.put("Another run uses the output directory", TroubleshootingTableTest::secondRunWhileTheFirstSynthesizes);
        SCENARIOS.put("STS throttling", t -> t.stsThrottling()
                .cdkj("credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Interrupted", TroubleshootingTableTest::interruptedWhileTheAppRuns);
        SCENARIOS.put("Plugin ended the process", TroubleshootingTableTest::pluginCallingSystemExit);
        SCENARIOS.put("Plugin threw an error", t -> t.asPipeline()
                .withFixturePlugin("throw new AssertionError(\"unexpected state\");", FixturePlugin.NOTHING)
                .cdkj("--plugin", "fixture", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Plugin call did not return", t -> t.stsStallingAssumeRole().withEnvironment("CDKJ_PLUGIN_TIMEOUT", "1")
                .cdkj("--plugin", "assume-role", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Plugin credentials failed later", t -> t.asPipeline()
                .withFixturePlugin(FixturePlugin.NOTHING, "throw new IllegalStateException(\"the token service is down\");")
                .cdkj("--plugin", "fixture", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read",
                        "--format", "process"));
        SCENARIOS.put("Credentials printed to a terminal", t -> t.asPipeline().onTerminal()
                .cdkj("--plugin", "assume-role", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read",
                        "--format", "process"));
        SCENARIOS.put("AWS did not answer", t -> t.stsStalling().withEnvironment("CDKJ_AWS_CALL_TIMEOUT", "2")
                .cdkj("credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("CloudFormation kept throttling", t -> t.cloudFormationThrottling().withAssembly()
                .withEnvironment("CDKJ_AWS_THROTTLED_WAIT", "1").cdkj("deploy", "--all", "--app", "assembly"));
        SCENARIOS.put("Malformed timeout setting", t -> t.asPipeline().withEnvironment("CDKJ_PLUGIN_TIMEOUT", "soon")
                .cdkj("--plugin", "assume-role", "credentials", "--account", DEV, "--region", "us-east-2", "--mode", "read"));
        SCENARIOS.put("Bootstrap version too old", t -> t.freshMoto().as(DEV).withSsmParameter(DEV, VERSION_PARAMETER, "5")
                .withAssembly(VERSION_REQUIRED).cdkj("deploy", "--all", "--app", "assembly"));
        SCENARIOS.put("Environment not bootstrapped", t -> t.freshMoto().as(DEV).withAssembly(VERSION_REQUIRED)
                .cdkj("deploy", "--all", "--app", "assembly"));
        SCENARIOS.put("Bootstrap: trusted accounts without execution policies", t -> t.as(DEV)
                .cdkj("bootstrap", "aws://" + DEV + "/us-east-2", "--trust", SHARED));
        SCENARIOS.put("Bootstrap: not an environment", t -> t.asPipeline().cdkj("bootstrap", DEV + "/us-east-2"));
        SCENARIOS.put("Bootstrap: option the custom template cannot take", t -> t.asPipeline()
                .withFile("old-template.yaml", "Resources: {V: {Type: AWS::SSM::Parameter, Properties: {Type: String,"
                        + " Name: /v, Value: '8'}}}\n")
                .cdkj("bootstrap", "aws://" + DEV + "/us-east-2", "--template", "old-template.yaml", "--deny-external-id"));
        SCENARIOS.put("Bootstrap: a wildcard matching none of the app's environments", t -> t.withAssembly()
                .cdkj("bootstrap", "aws://*/eu-west-1", "--app", "assembly"));
        SCENARIOS.put("Bootstrap: plugin roles without trusted accounts", t -> t.freshMoto().as(DEV)
                .cdkj("bootstrap", "aws://" + DEV + "/us-east-2", "--with-plugin-roles"));
        SCENARIOS.put("Bootstrap: custom template without resources", t -> t.asPipeline()
                .withFile("parameters-only.yaml", "Parameters: {Qualifier: {Type: String}}\n")
                .cdkj("bootstrap", "aws://" + DEV + "/us-east-2", "--template", "parameters-only.yaml"));
        SCENARIOS.put("Bootstrap stack of another variant", t -> t.freshMoto().as(DEV).withOtherVariantBootstrapStack(DEV)
                .cdkj("bootstrap", "aws://" + DEV + "/us-east-2"));
        SCENARIOS.put("Role of a bootstrapped account refused", t -> t.stsDenying(DEPLOY_ROLE, PIPELINE_JOB)
                .withAssembly(DEPLOY_ROLE_NAMED).cdkj("credentials", "--all", "--mode", "write", "--app", "assembly"));
        SCENARIOS.put("Lookup role not assumed", t -> t.stsDenying(LOOKUP_ROLE, DEV_ADMIN)
                .withAssembly(LOOKUP_ROLE_NAMED).cdkj("credentials", "--all", "--mode", "read", "--app", "assembly"));
        SCENARIOS.put("Assumed role acts in another account", t -> t.asPipeline().withAssembly(FOREIGN_ROLE_NAMED)
                .cdkj("credentials", "--all", "--mode", "write", "--app", "assembly"));
    }


    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final List<AutoCloseable> scopes = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>(Map.of("USER", "tester"));
    private final List<String> secrets = new ArrayList<>();
    private List<Path> pluginPath = List.of();
    private AwsSessionCredentials pipeline;
    private boolean terminal;

    TroubleshootingTableTest(MotoServer moto) {
        this.moto = moto;
    }

    @AfterEach
    void closeScopes() throws Exception {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            scopes.get(i).close();
        }
    }

    static Stream<List<String>> rows() {
        return MarkdownTable.rowsAfter(Repository.read(DOC), HEADING).stream();
    }

    @Test
    void table_hasOneRowPerScenario() {
        List<String> symptoms = rows().map(row -> row.get(0)).toList();

        assertThat(symptoms).as("first column of the table in %s (each needs a scenario in this test)", DOC)
                .containsExactlyInAnyOrderElementsOf(SCENARIOS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row_scenarioPrintsTheDocumentedMessage(List<String> row) throws Exception {
        Scenario scenario = SCENARIOS.get(row.get(0));
        assertThat(scenario).as("a scenario for the row '%s'", row.get(0)).isNotNull();

        Outcome outcome = scenario.run(this);
        System.out.println("--- " + row.get(0) + " (exit " + outcome.exitCode() + ")\n" + outcome.output());

        assertThat(outcome.exitCode()).as("exit code of '%s'; output:%n%s", row.get(0), outcome.output())
                .isEqualTo(Integer.parseInt(row.get(1)));
        List<String> fragments = MarkdownTable.codeSpans(row.get(2));
        assertThat(fragments).as("message fragments in `code` of row '%s'", row.get(0)).isNotEmpty();
        for (String fragment : fragments) {
            assertContainsInOrder(outcome.output(), fragment);
        }
        Secrets.assertNone(outcome.output(), secrets.toArray(String[]::new));
    }

    private static void assertContainsInOrder(String output, String fragment) {
        int from = 0;
        for (String piece : fragment.split("…")) {
            int at = output.indexOf(piece, from);
            assertThat(at).as("'%s' (part of `%s`) in the output:%n%s", piece, fragment, output).isNotNegative();
            from = at + piece.length();
        }
    }

    // --- set-ups ------------------------------------------------------------------------------------

    private TroubleshootingTableTest asPipeline() {
        pipeline = moto.callerIn(SHARED, "pipeline");
        secrets.add(pipeline.secretAccessKey());
        secrets.add(pipeline.sessionToken());
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), pipeline));
        return this;
    }

    private TroubleshootingTableTest withoutCredentials() {
        // Nothing in system properties, environment or profiles; no instance metadata to wait for. The SDK
        // reads credential variables from the real environment, so this row needs a machine without them.
        org.junit.jupiter.api.Assumptions.assumeTrue(Stream.of("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE",
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")
                .allMatch(name -> System.getenv(name) == null), "AWS credentials in this process's environment");
        scopes.add(AwsSystemProperties.set(Map.of("aws.disableEc2Metadata", "true")));
        environment.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        return this;
    }

    private TroubleshootingTableTest stsDenyingAssumeRole() {
        String caller = "arn:aws:sts::" + SHARED + ":assumed-role/pipeline/ci-job-42";
        WireMockAws sts = stsOnWireMock();
        sts.stubGetCallerIdentity(caller);
        sts.stubAssumeRoleAccessDenied("arn:aws:iam::" + DEV + ":role/cdk-readOnlyRole", caller);
        return this;
    }

    private TroubleshootingTableTest stsExpired() {
        WireMockAws sts = stsOnWireMock();
        sts.stubError("GetCallerIdentity", 403, "ExpiredToken", "The security token included in the request is expired",
                Duration.ZERO);
        return this;
    }

    private WireMockAws stsOnWireMock() {
        WireMockAws wireMock = WireMockAws.start();
        scopes.add(wireMock);
        String secret = "troubleshootingCallerSecret0000000000000";
        secrets.add(secret);
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), AwsBasicCredentials.create("AKIDTROUBLESHOOTING1", secret)));
        scopes.add(AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint()));
        return wireMock;
    }

    /** The plugin guide's example plugin on the plugin path, with a profile that acts in the prod account. */
    private TroubleshootingTableTest withExamplePluginProfiles() throws IOException {
        Path config = work.resolve("aws-config");
        Path credentials = work.resolve("aws-credentials");
        Files.writeString(config, "[profile prod-admin]\nrole_arn = arn:aws:iam::" + PROD + ":role/admin\n"
                + "source_profile = root\n");
        Files.writeString(credentials, "[root]\naws_access_key_id = " + moto.rootKeys().accessKeyId()
                + "\naws_secret_access_key = " + moto.rootKeys().secretAccessKey() + "\n");
        secrets.add(moto.rootKeys().secretAccessKey());
        scopes.add(AwsSystemProperties.set(Map.of("aws.configFile", config.toString(),
                "aws.sharedCredentialsFile", credentials.toString())));
        pluginPath = List.of(EXAMPLE_PLUGIN);
        return this;
    }

    /** A laptop's ~/.aws/config under the test's home, which the profile plugin finds through HOME. */
    private TroubleshootingTableTest withLaptopConfig(String config) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        environment.put("HOME", home.toString());
        return this;
    }

    /** The token `aws sso login` would have cached for an sso-session, expiring at {@code expiresAt}. */
    private TroubleshootingTableTest withSsoToken(String session, java.time.Instant expiresAt) throws IOException {
        io.cdkj.localaws.SsoTokenCache.write(home, session, "troubleshooting-sso-token", expiresAt,
                "https://corp.awsapps.com/start", "us-east-1");
        secrets.add("troubleshooting-sso-token");
        return this;
    }

    /** An "app" (a shell script) whose assembly asks for one SSM lookup in 111111111111. */
    private TroubleshootingTableTest withFakeAppMissingContext() {
        withFile("app.sh", "cat > \"$CDK_OUTDIR/manifest.json\" <<'EOF'\n"
                + "{\"version\": \"54.0.0\", \"artifacts\": {}, \"missing\": [{\"key\": \"" + SSM_KEY + "\","
                + " \"provider\": \"ssm\", \"props\": {\"account\": \"" + DEV + "\", \"region\": \"us-east-2\","
                + " \"parameterName\": \"/cdkj/sample/message\"}}]}\nEOF\n");
        return withFile("cdk.json", "{\"app\": \"sh app.sh\"}");
    }

    /** The real sample app, run with java from its build (nothing is seeded in moto, so its lookups fail). */
    private TroubleshootingTableTest withSampleApp() throws IOException {
        String classpath = Repository.path("sample-app/target/classes") + java.io.File.pathSeparator
                + Files.readString(Repository.path("sample-app/target/classpath.txt")).strip();
        withFile("app.args", "-cp \"" + classpath + "\"\n");
        return withFile("cdk.json", "{\"app\": \"java @app.args io.cdkj.sample.SampleApp\"}");
    }

    /** A cloud assembly directory with one stack, as `cdkj synth` leaves it in cdk.out. */
    private TroubleshootingTableTest withAssembly() throws IOException {
        return withAssembly("54.0.0", DEV, "");
    }

    /** The same, of schema {@code version}, with the stack in {@code account}. */
    private TroubleshootingTableTest withAssembly(String version, String account) throws IOException {
        return withAssembly(version, account, "");
    }

    /** The same, with more stack properties (JSON members, e.g. the roles a DefaultStackSynthesizer names). */
    private TroubleshootingTableTest withAssembly(String properties) throws IOException {
        return withAssembly("54.0.0", DEV, properties);
    }

    private TroubleshootingTableTest withAssembly(String version, String account, String properties) throws IOException {
        Files.createDirectories(work.resolve("assembly"));
        withFile("assembly/devSampleApp.template.json", "{\"Resources\": {\"P\": {\"Type\": \"AWS::SSM::Parameter\","
                + " \"Properties\": {\"Type\": \"String\", \"Name\": \"/troubleshooting/p\", \"Value\": \"v\"}}}}");
        return withFile("assembly/manifest.json", "{\"version\": \"" + version + "\", \"artifacts\": {\"devSampleApp\": {"
                + "\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://" + account + "/us-east-2\","
                + " \"properties\": {\"templateFile\": \"devSampleApp.template.json\"" + (properties.isEmpty() ? "" : ", " + properties)
                + "}}}}");
    }

    /** A clean moto for scenarios that create stacks or parameters in the dev account. */
    private TroubleshootingTableTest freshMoto() {
        moto.reset();
        return this;
    }

    /** The default identity acts in {@code account} (a caller in it, from moto). */
    private TroubleshootingTableTest as(String account) {
        AwsSessionCredentials caller = moto.callerIn(account);
        secrets.add(caller.secretAccessKey());
        secrets.add(caller.sessionToken());
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), caller, "us-east-2"));
        return this;
    }

    private TroubleshootingTableTest withSsmParameter(String account, String name, String value) {
        io.cdkj.localaws.LocalAwsSeeder.in(moto, account, "us-east-2").ssmParameter(name, value);
        return this;
    }

    /** A bootstrap stack in {@code account}/us-east-2 made from another template variant (the Node CLI's name). */
    private TroubleshootingTableTest withOtherVariantBootstrapStack(String account) {
        try (var cloudFormation = software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_2)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(moto.callerIn(account)))
                .build()) {
            cloudFormation.createStack(r -> r.stackName("CDKToolkit").templateBody("{\"Parameters\": {\"BootstrapVariant\":"
                    + " {\"Type\": \"String\", \"Default\": \"AWS CDK: Default Resources\"}}, \"Resources\": {\"V\":"
                    + " {\"Type\": \"AWS::SSM::Parameter\", \"Properties\": {\"Type\": \"String\", \"Name\": \"/other\","
                    + " \"Value\": \"30\"}}}}"));
        }
        return this;
    }

    /** STS on WireMock: the default identity is {@code caller}, and AssumeRole of {@code roleArn} is denied. */
    private TroubleshootingTableTest stsDenying(String roleArn, String caller) {
        WireMockAws sts = stsOnWireMock();
        sts.stubGetCallerIdentity(caller);
        sts.stubAssumeRoleAccessDenied(roleArn, caller);
        return this;
    }

    private TroubleshootingTableTest withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    private TroubleshootingTableTest stsThrottling() {
        WireMockAws sts = stsOnWireMock();
        sts.stubError("GetCallerIdentity", 400, "Throttling", "Rate exceeded", Duration.ZERO);
        return this;
    }

    /** A first synth whose app waits for a file; the second run is the outcome. */
    private Outcome secondRunWhileTheFirstSynthesizes() throws Exception {
        environment.put("PATH", System.getenv("PATH"));
        Path started = work.resolve("started");
        java.util.concurrent.CompletableFuture<Outcome> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cdkj("synth", "--app", "touch started; while [ ! -f release ]; do sleep 0.05; done"));
        try {
            awaitFile(started, first::isDone);
            return cdkj("synth", "--app", "true");
        } finally {
            Files.writeString(work.resolve("release"), "");
            first.get(2, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** bin/cdkj running an app that waits, sent SIGINT (as Ctrl-C does) once the app has started. */
    private Outcome interruptedWhileTheAppRuns() throws Exception {
        Path started = work.resolve("started");
        // A JVM started with SIGINT ignored (background jobs of non-interactive shells) never sees Ctrl-C.
        List<String> command = List.of("python3", "-c", "import os, signal, sys;"
                        + " signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])",
                Repository.path("bin/cdkj").toString(), "synth", "--no-warm", "--app", "touch started; sleep 600");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        try {
            awaitFile(started, () -> !process.isAlive());
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("cdkj ended after SIGINT").isTrue();
            return new Outcome(process.exitValue(), Files.readString(work.resolve("output.txt")));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void awaitFile(Path file, java.util.function.BooleanSupplier gaveUp) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(file)) {
            assertThat(gaveUp.getAsBoolean()).as("the run ended before %s appeared", file).isFalse();
            assertThat(System.nanoTime()).as("%s appeared within 2 minutes", file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A cloud assembly with one stack in a stage, whose display name, id and stack name all differ. */
    private TroubleshootingTableTest withStagedAssembly() throws IOException {
        Files.createDirectories(work.resolve("assembly"));
        withFile("assembly/ProdDb.template.json", "{\"Resources\": {}}");
        return withFile("assembly/manifest.json", "{\"version\": \"54.0.0\", \"artifacts\": {\"ProdDb\": {"
                + "\"type\": \"aws:cloudformation:stack\", \"displayName\": \"Prod/Db\", \"environment\": \"aws://" + PROD
                + "/us-east-1\", \"properties\": {\"templateFile\": \"ProdDb.template.json\", \"stackName\": \"prod-db\"}}}}");
    }

    /** A cloud assembly with one stack in the pipeline's account number, in a region of the aws-cn partition. */
    private TroubleshootingTableTest withChinaAssembly() throws IOException {
        Files.createDirectories(work.resolve("china-assembly"));
        withFile("china-assembly/Beijing.template.json", "{\"Resources\": {}}");
        return withFile("china-assembly/manifest.json", "{\"version\": \"54.0.0\", \"artifacts\": {\"Beijing\": {"
                + "\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://" + SHARED + "/cn-north-1\","
                + " \"properties\": {\"templateFile\": \"Beijing.template.json\"}}}}");
    }

    /** A cloud assembly whose one stack carries a warning annotation. */
    private TroubleshootingTableTest withWarningAssembly() throws IOException {
        Files.createDirectories(work.resolve("warned"));
        withFile("warned/devSampleApp.template.json", "{\"Resources\": {}}");
        return withFile("warned/manifest.json", "{\"version\": \"54.0.0\", \"artifacts\": {\"devSampleApp\": {"
                + "\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://" + DEV + "/us-east-2\","
                + " \"properties\": {\"templateFile\": \"devSampleApp.template.json\"},"
                + " \"metadata\": {\"/devSampleApp\": [{\"type\": \"aws:cdk:warning\", \"data\": \"this bucket is public\"}]}}}}");
    }

    /** A cloud assembly with one stack in the pipeline's own account: a role and a policy (widening IAM). */
    private TroubleshootingTableTest withIamAssembly() throws IOException {
        Files.createDirectories(work.resolve("iam-assembly"));
        withFile("iam-assembly/Roles.template.json", "{\"Resources\": {\"Role\": {\"Type\": \"AWS::IAM::Role\","
                + " \"Properties\": {\"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                + " \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}}]}}}}}");
        return withFile("iam-assembly/manifest.json", "{\"version\": \"54.0.0\", \"artifacts\": {\"Roles\": {"
                + "\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://" + SHARED + "/us-east-1\","
                + " \"properties\": {\"templateFile\": \"Roles.template.json\"}}}}");
    }

    /** bin/cdkj as a process whose PATH has everything of /usr/bin and /bin except node. */
    private Outcome launcherWithoutNode(String... args) throws Exception {
        Path bin = PathWithout.create(home.resolve("bin-without-node"), java.util.Set.of("node"));
        List<String> command = new ArrayList<>(List.of(Repository.path("bin/cdkj").toString()));
        command.addAll(List.of(args));
        Command.Result result = Command.run(work, Map.of("PATH", bin.toString(), "HOME", home.toString(),
                "JAVA_HOME", System.getProperty("java.home")), Duration.ofMinutes(2), command);
        return new Outcome(result.exitCode(), result.all());
    }

    /**
     * A cloud assembly directory {@code images} with one stack in the pipeline's own account whose asset
     * manifest has a docker image asset (a new id each time) built from {@code dockerfile}.
     */
    private TroubleshootingTableTest withImageAssembly(String dockerfile) throws IOException {
        String id = UUID.randomUUID().toString().replace("-", "");
        Files.createDirectories(work.resolve("images/asset." + id));
        withFile("images/asset." + id + "/Dockerfile", dockerfile);
        withFile("images/asset." + id + "/message.txt", "hello");
        withFile("images/imageApp.template.json", "{\"Resources\": {}}");
        withFile("images/imageApp.assets.json", "{\"version\": \"54.0.0\", \"files\": {}, \"dockerImages\": {\"" + id
                + "\": {\"source\": {\"directory\": \"asset." + id + "\"}, \"destinations\": {\"d\": {\"repositoryName\": \""
                + IMAGE_REPOSITORY + "\", \"imageTag\": \"" + id + "\", \"region\": \"us-east-1\"}}}}}");
        return withFile("images/manifest.json", "{\"version\": \"54.0.0\", \"artifacts\": {"
                + "\"imageApp.assets\": {\"type\": \"cdk:asset-manifest\", \"properties\": {\"file\": \"imageApp.assets.json\"}},"
                + "\"imageApp\": {\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://" + SHARED + "/us-east-1\","
                + " \"properties\": {\"templateFile\": \"imageApp.template.json\"}, \"dependencies\": [\"imageApp.assets\"]}}}");
    }

    /** The image's repository in moto's ECR (the build fails before anything would be pushed to it). */
    private TroubleshootingTableTest withRepositoryInMoto() {
        try (EcrClient ecr = EcrClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(pipeline)).build()) {
            ecr.createRepository(r -> r.repositoryName(IMAGE_REPOSITORY));
        } catch (RepositoryAlreadyExistsException e) {
            // an earlier row made it
        }
        return this;
    }

    private TroubleshootingTableTest withPathWithoutDocker() throws IOException {
        environment.put("PATH", Files.createDirectories(work.resolve("empty-bin")).toString());
        return this;
    }

    /**
     * local-aws's private dockerd and registry, with ECR on WireMock in front of the registry (moto's
     * repository URIs are not loopback); {@code refusedTokens}: tokens the registry refuses.
     */
    private TroubleshootingTableTest withLocalDocker(boolean refusedTokens) {
        LocalDocker docker = DockerExtension.sharedOrSkip("the troubleshooting row");
        WireMockEcr ecr = WireMockEcr.start(docker.registry());
        scopes.add(ecr);
        ecr.repository(SHARED, "us-east-1", IMAGE_REPOSITORY);
        ecr.handOutRefusedTokens(refusedTokens);
        secrets.add(docker.registry().password());
        secrets.add(ecr.authorizationToken());
        scopes.add(AwsSystemProperties.serviceEndpoint("Ecr", ecr.endpoint()));
        environment.put("PATH", System.getenv("PATH"));
        environment.put("DOCKER_HOST", docker.dockerHost());
        return this;
    }

    private TroubleshootingTableTest withFile(String name, String content) {
        try {
            Files.writeString(work.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The fixture plugin (with {@code canProvide} and {@code onRefresh} statements) on the plugin path, with dev keys. */
    private TroubleshootingTableTest withFixturePlugin(String canProvide, String onRefresh) throws IOException {
        pluginPath = List.of(FixturePlugin.jar(work.resolve("fixture.jar"), canProvide, FixturePlugin.NOTHING, onRefresh));
        AwsSessionCredentials dev = moto.callerIn(DEV, "fixture-role");
        secrets.add(dev.secretAccessKey());
        secrets.add(dev.sessionToken());
        environment.put(FixturePlugin.KEY_ID, dev.accessKeyId());
        environment.put(FixturePlugin.SECRET, dev.secretAccessKey());
        environment.put(FixturePlugin.TOKEN, dev.sessionToken());
        return this;
    }

    private TroubleshootingTableTest onTerminal() {
        terminal = true;
        return this;
    }

    private TroubleshootingTableTest stsStallingAssumeRole() {
        String caller = "arn:aws:sts::" + SHARED + ":assumed-role/pipeline/ci-job-42";
        WireMockAws sts = stsOnWireMock();
        sts.stubGetCallerIdentity(caller);
        sts.stubAssumeRoleSuccess("arn:aws:iam::" + DEV + ":role/cdk-readOnlyRole", "ASIASTALLEDEXAMPLE01", DEV,
                Duration.ofMinutes(10));
        return this;
    }

    private TroubleshootingTableTest stsStalling() {
        stsOnWireMock().stubError("GetCallerIdentity", 500, "InternalFailure", "never sent", Duration.ofMinutes(10));
        return this;
    }

    /** Every AWS call on WireMock, the caller acting in the stack's account, CloudFormation always throttling. */
    private TroubleshootingTableTest cloudFormationThrottling() {
        WireMockAws aws = WireMockAws.start();
        scopes.add(aws);
        String secret = "troubleshootingThrottledSecret0000000000";
        secrets.add(secret);
        scopes.add(AwsSystemProperties.caller(aws.endpoint(), AwsBasicCredentials.create("AKIDTROUBLESHOOTING2", secret)));
        // the SDK's own retries off, so the scenario waits only for the toolkit's
        scopes.add(AwsSystemProperties.set(Map.of("aws.maxAttempts", "1")));
        aws.stubGetCallerIdentity("arn:aws:sts::" + DEV + ":assumed-role/deployer/ci-job-42");
        aws.stubError("DescribeStacks", 400, "Throttling", "Rate exceeded", Duration.ZERO);
        return this;
    }

    /** bin/cdkj with the fixture plugin in ./plugins, which calls System.exit(0) in canProvideCredentials. */
    private Outcome pluginCallingSystemExit() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        FixturePlugin.jar(plugins.resolve("fixture.jar"), "System.exit(0);", FixturePlugin.NOTHING, FixturePlugin.NOTHING);
        AwsSessionCredentials pipeline = moto.callerIn(SHARED, "pipeline");
        secrets.add(pipeline.secretAccessKey());
        secrets.add(pipeline.sessionToken());
        Command.Result result = Command.run(work, Map.of("HOME", home.toString(), "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                        "AWS_ACCESS_KEY_ID", pipeline.accessKeyId(), "AWS_SECRET_ACCESS_KEY", pipeline.secretAccessKey(),
                        "AWS_SESSION_TOKEN", pipeline.sessionToken(), "AWS_REGION", "us-east-1",
                        "JAVA_HOME", System.getProperty("java.home")), Duration.ofMinutes(2),
                List.of(Repository.path("bin/cdkj").toString(), "--plugin", "fixture", "credentials", "--account", DEV,
                        "--region", "us-east-2", "--mode", "read"));
        return new Outcome(result.exitCode(), result.all());
    }

    private Outcome cdkj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
                environment, work, home, pluginPath, terminal, false);
        int exitCode = CdkjCli.execute(args, io);
        return new Outcome(exitCode, out + err.toString());
    }
}
