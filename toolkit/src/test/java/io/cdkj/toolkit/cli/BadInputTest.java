package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input from every side — the manifest, the command line, the environment, profiles and
 * configuration files — ends in one line naming the bad value, with the documented exit code, before
 * any AWS call (each command here either makes none or would need credentials it does not have).
 */
class BadInputTest {

    private static final String SHELL_REGION = "us-east-1; rm -rf /";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(work, home).env("PATH", System.getenv("PATH"));
    }

    /** An assembly directory with one stack in {@code environment} and a manifest of {@code version}. */
    private String assembly(String environment, String version) throws IOException {
        Path dir = Files.createDirectories(work.resolve("assembly"));
        Files.writeString(dir.resolve("devSampleApp.template.json"), "{\"Resources\": {}}");
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": "%s", "artifacts": {"devSampleApp": {"type": "aws:cloudformation:stack",
                  "environment": "%s", "properties": {"templateFile": "devSampleApp.template.json"}},
                 "prodSampleApp": {"type": "aws:cloudformation:stack", "environment": "aws://333333333333/us-east-1",
                  "properties": {"templateFile": "devSampleApp.template.json", "stackName": "prod-sample"}}}}
                """.formatted(version, environment));
        return dir.toString();
    }

    private static void assertOneLineError(CliHarness.Run run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("Error: ").contains(fragments);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1111111111111", "..", "11111111111a"})
    void manifestAccountThatIsNotTwelveDigits_isAnAssemblyError_alsoForListLong(String account) throws IOException {
        String app = assembly("aws://" + account + "/us-east-2", "54.0.0");

        for (String[] args : new String[][] {{"list", "--long", "--app", app},
                {"credentials", "--all", "--app", app, "--dry-run"}}) {
            CliHarness.Run run = cli.run(args);

            assertOneLineError(run, 7, "Stack 'devSampleApp'", "has environment 'aws://" + account + "/us-east-2': account '"
                    + account + "' is not an AWS account id (exactly 12 digits", "Fix the stack's env in the app");
        }
    }

    @Test
    void manifestRegionWithShellSyntax_isAnAssemblyError() throws IOException {
        String app = assembly("aws://111111111111/" + SHELL_REGION, "54.0.0");

        CliHarness.Run run = cli.run("list", "--long", "--app", app);

        assertOneLineError(run, 7, "Stack 'devSampleApp'", "region '" + SHELL_REGION + "' is not an AWS region name");
    }

    @Test
    void manifestOfANewerSchemaMajor_isRefusedLikeTheCdkCli() throws IOException {
        String app = assembly("aws://111111111111/us-east-2", "99.0.0");

        CliHarness.Run run = cli.run("list", "--app", app);

        assertOneLineError(run, 7, "not compatible with the CDK library used by your application",
                "maximum schema version supported is 55.x.x", "has 99.0.0", "Upgrade cdkj");
    }

    @Test
    void manifestOfAnOlderOrMinorNewerSchema_isRead() throws IOException {
        for (String version : new String[] {"36.0.0", "55.3.1"}) {
            String app = assembly("aws://111111111111/us-east-2", version);

            CliHarness.Run run = cli.run("list", "--app", app);

            assertThat(run.exitCode()).as(run.all()).isZero();
        }
    }

    @Test
    void regionOption_withShellSyntax_isAUsageError() {
        CliHarness.Run run = cli.run("credentials", "--account", "111111111111", "--region", SHELL_REGION,
                "--mode", "read", "--dry-run");

        assertOneLineError(run, 2, "Invalid region '" + SHELL_REGION + "' (from --region)");
    }

    @Test
    void regionFromEnvironment_withShellSyntax_isAUsageError() {
        CliHarness.Run run = cli.env("AWS_REGION", SHELL_REGION)
                .run("credentials", "--account", "111111111111", "--mode", "read", "--dry-run");

        assertOneLineError(run, 2, "Invalid region '" + SHELL_REGION + "' (from AWS_REGION)");
    }

    @Test
    void regionFromProfile_withShellSyntax_isAUsageError_notAFallbackToUsEast1() throws IOException {
        Path config = work.resolve("aws-config");
        Files.writeString(config, "[profile ci]\nregion = " + SHELL_REGION + "\n");

        CliHarness.Run run = cli.env("AWS_CONFIG_FILE", config.toString())
                .run("--profile", "ci", "credentials", "--account", "111111111111", "--mode", "read", "--dry-run");

        assertOneLineError(run, 2, "Invalid region '" + SHELL_REGION + "' (from profile 'ci')");
    }

    @Test
    void parametersNamingNoStack_areAUsageError_listingTheStackNames() throws IOException {
        String app = assembly("aws://111111111111/us-east-2", "54.0.0");

        CliHarness.Run run = cli.run("deploy", "--all", "--app", app, "--parameters", "nostack:Key=secret-value");

        assertOneLineError(run, 2, "--parameters nostack:Key=… names the stack 'nostack'",
                "its stack names are: devSampleApp, prod-sample");
        assertThat(run.all()).doesNotContain("secret-value");
    }

    @Test
    void stackPattern_withRegexSyntax_isAGlob() throws IOException {
        String app = assembly("aws://111111111111/us-east-2", "54.0.0");

        CliHarness.Run noMatch = cli.run("credentials", "a\\E[*", "--app", app, "--dry-run");
        CliHarness.Run glob = cli.run("credentials", "dev*", "--app", app, "--dry-run", "--format", "json");

        assertOneLineError(noMatch, 2, "No stack matches 'a\\E[*'");
        assertThat(glob.exitCode()).as(glob.all()).isZero();
        assertThat(glob.out()).contains("devSampleApp").doesNotContain("prodSampleApp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdk.json", "cdk.context.json", "home/.cdk.json"})
    void contextNestedDeeperThanTheLimit_isAUsageError_inEveryConfigurationFile(String file) throws IOException {
        String deep = "[".repeat(700) + "]".repeat(700);
        String content = file.equals("cdk.context.json") ? "{\"deep\": " + deep + "}"
                : "{\"context\": {\"deep\": " + deep + "}}";
        Path path = file.startsWith("home/") ? home.resolve(".cdk.json") : work.resolve(file);
        Files.writeString(path, content);

        CliHarness.Run run = cli.run("credentials", "--account", "111111111111", "--mode", "read", "--dry-run");

        assertOneLineError(run, 2, "Invalid JSON in " + path, "nesting depth (101) exceeds the maximum allowed (100)");
    }

    @Test
    void contextJustBelowTheLimit_reachesPlugins() throws IOException {
        String deep = "[".repeat(97) + "]".repeat(97);
        Files.writeString(work.resolve("cdk.json"), "{\"context\": {\"deep\": " + deep + "}}");

        CliHarness.Run run = cli.run("credentials", "--account", "111111111111", "--mode", "read", "--dry-run");

        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @Test
    void fileThatIsNotJson_isNamedWithoutEchoingItsFirstToken() throws IOException {
        Files.writeString(work.resolve("cdk.context.json"), "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMIK7MDENG {");

        CliHarness.Run run = cli.run("credentials", "--account", "111111111111", "--mode", "read", "--dry-run");

        assertOneLineError(run, 2, "Invalid JSON in " + work.resolve("cdk.context.json"), "Unrecognized token",
                "(line 1, column");
        assertThat(run.err()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("[Source:");
    }
}
