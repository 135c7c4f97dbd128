package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @TempDir
    Path project;
    @TempDir
    Path home;
    @TempDir
    Path fixture;

    private CliHarness cli;
    private String app;

    @BeforeEach
    void setUp() throws IOException {
        app = FixtureAssembly.write(fixture, false);
        Files.writeString(project.resolve("cdk.json"), new ObjectMapper().writeValueAsString(Map.of("app", app)));
        cli = new CliHarness(project, home).env("PATH", System.getenv("PATH"));
    }

    @Test
    void synth_noStack_reportsDirectoryAndStackIds() {
        // when
        CliHarness.Run run = cli.run("synth");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Successfully synthesized to " + project.resolve("cdk.out"))
                .contains("Supply a stack id (devSampleApp, prodSampleApp) to display its template.")
                .contains("Running app: " + app);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void synth_appCommandWithAClassPath_printsOneShortRunningAppLineAndTheFullCommandWithVerbose() {
        // given: a Java-style app command whose class path would fill the screen
        String classPath = String.join(":", java.util.Collections.nCopies(40, "/home/u/.m2/repository/x/y/1.0/y-1.0.jar"));
        String command = ": java -cp '" + classPath + "' io.example.App; " + app;

        // when
        CliHarness.Run quiet = cli.run("synth", "--no-warm", "--app", command);
        CliHarness.Run verbose = cli.run("synth", "--no-warm", "--verbose", "--app", command);

        // then
        assertThat(quiet.exitCode()).as(quiet.err()).isZero();
        assertThat(quiet.err()).contains("Running app: : java -cp … io.example.App; cp -R").doesNotContain(classPath);
        assertThat(quiet.err().lines().filter(l -> l.startsWith("Running app"))).hasSize(1);
        assertThat(verbose.err()).contains("Running app: : java -cp … io.example.App;", "App command: " + command);
    }

    @Test
    void synth_stack_printsTemplateAsYaml() {
        // when
        CliHarness.Run run = cli.run("synth", "devSampleApp");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Resources:\n  DeployedMessage:\n    Type: AWS::SSM::Parameter")
                .contains("Value: hello from dev").doesNotContain("hello from prod").doesNotStartWith("---");
    }

    @Test
    void synth_stackJson_printsTemplateAsJson() throws IOException {
        // when
        CliHarness.Run run = cli.run("synth", "prodSampleApp", "--json");

        // then
        assertThat(new ObjectMapper().readTree(run.out()).at("/Resources/DeployedMessage/Properties/Value").asText())
                .isEqualTo("hello from prod");
    }

    @Test
    void synth_unknownStack_failsListingStacks() {
        // when
        CliHarness.Run run = cli.run("synth", "nope");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.USAGE.exitCode());
        assertThat(run.err()).contains("No stack matches 'nope'; the app has: devSampleApp, prodSampleApp");
    }

    @Test
    void synth_outputOption_writesThere() {
        // when
        CliHarness.Run run = cli.run("synth", "-o", "other-out", "--quiet");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(project.resolve("other-out/manifest.json")).exists();
        assertThat(run.err()).contains("Successfully synthesized to " + project.resolve("other-out"));
    }

    @Test
    void synth_appOptionNamingAssemblyDirectory_readsItWithoutRunning() {
        // when
        CliHarness.Run run = cli.run("synth", "--app", fixture.toString(), "devSampleApp");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Running app");
        assertThat(run.out()).contains("hello from dev");
    }

    @Test
    void synth_noAppConfigured_failsWithUsage() throws IOException {
        // given
        Files.delete(project.resolve("cdk.json"));

        // when
        CliHarness.Run run = cli.run("synth");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.USAGE.exitCode());
        assertThat(run.err()).contains("--app is required");
    }

    @Test
    void synth_appFails_exitsWithAppCodeAndStderrTail() {
        // when
        CliHarness.Run run = cli.run("synth", "--app", "echo 'boom: no stacks' >&2; exit 4");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.APP.exitCode());
        assertThat(run.err()).contains("The app failed with exit code 4").contains("boom: no stacks");
    }

    @Test
    void synth_appWritesNoManifest_exitsWithAssemblyCode() {
        // when
        CliHarness.Run run = cli.run("synth", "--app", "true");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.ASSEMBLY.exitCode());
        assertThat(run.err()).contains("wrote no cloud assembly: " + project.resolve("cdk.out/manifest.json")
                + " is missing. Did you call app.synth() at the end of main?");
    }

    @Test
    void synth_noLookupsWithMissingContext_failsListingKeys() throws IOException {
        // given
        String missingApp = FixtureAssembly.write(fixture.resolve("missing"), true);

        // when
        CliHarness.Run run = cli.run("synth", "--app", missingApp, "--no-lookups");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.USAGE.exitCode());
        assertThat(run.err()).contains("Missing context keys: 'ssm:account=111111111111:parameterName=/p:region=us-east-2'");
    }

    @Test
    void synth_singleStackApp_printsItsTemplate() throws IOException {
        // given: an app with only devSampleApp
        Path single = fixture.resolve("single");
        FixtureAssembly.write(single, false);
        Files.writeString(single.resolve("manifest.json"), """
                {"version": "54.0.0", "artifacts": {"devSampleApp": {"type": "aws:cloudformation:stack",
                  "environment": "aws://111111111111/us-east-2", "properties": {"templateFile": "devSampleApp.template.json"}}}}""");

        // when
        CliHarness.Run run = cli.run("synth", "--app", single.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Value: hello from dev");
    }

    @Test
    void synth_contextFromAllSources_reachesAppWithCdkPrecedence() throws IOException {
        // given: the same key in cdk.context.json, cdk.json and --context; one key only in cdk.context.json
        Files.writeString(project.resolve("cdk.json"), new ObjectMapper().writeValueAsString(Map.of(
                "app", "printf '%s' \"$CDK_CONTEXT_JSON\" > context.json; " + app,
                "context", Map.of("k", "from cdk.json", "j", "from cdk.json"))));
        Files.writeString(project.resolve("cdk.context.json"), "{\"k\": \"cached\", \"j\": \"cached\", \"c\": \"cached\"}");

        // when
        CliHarness.Run run = cli.run("synth", "-c", "k=from command line", "--quiet");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        var context = new ObjectMapper().readTree(project.resolve("context.json").toFile());
        assertThat(context.get("k").asText()).isEqualTo("from command line");
        assertThat(context.get("j").asText()).isEqualTo("from cdk.json");
        assertThat(context.get("c").asText()).isEqualTo("cached");
    }
}
