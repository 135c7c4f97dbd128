package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    Path project;
    @TempDir
    Path home;
    @TempDir
    Path fixture;

    @Test
    void list_stacks_printsIdsOnePerLine() throws IOException {
        // given
        String app = FixtureAssembly.write(fixture, false);

        // when
        CliHarness.Run run = new CliHarness(project, home).env("PATH", System.getenv("PATH")).run("list", "--app", app);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("devSampleApp\nprodSampleApp\n");
    }

    @Test
    void ls_long_printsIdNameAndEnvironmentAsYaml() throws IOException {
        // given
        String app = FixtureAssembly.write(fixture, false);

        // when
        CliHarness.Run run = new CliHarness(project, home).env("PATH", System.getenv("PATH")).run("ls", "--long", "--app", app);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                - id: devSampleApp
                  name: devSampleApp
                  environment:
                    account: "111111111111"
                    region: us-east-2
                    name: aws://111111111111/us-east-2
                - id: prodSampleApp
                  name: prodSampleApp
                  environment:
                    account: "333333333333"
                    region: us-east-1
                    name: aws://333333333333/us-east-1

                """);
    }

    @Test
    void list_jsonAlone_stillPrintsIdsAsTheNodeCliDoes() throws IOException {
        String app = FixtureAssembly.write(fixture, false);

        CliHarness.Run run = new CliHarness(project, home).env("PATH", System.getenv("PATH")).run("list", "--json", "--app", app);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("devSampleApp\nprodSampleApp\n");
    }

    @Test
    void list_longJson_printsAJsonArray() throws IOException {
        String app = FixtureAssembly.write(fixture, false);

        CliHarness.Run run = new CliHarness(project, home).env("PATH", System.getenv("PATH"))
                .run("list", "-l", "-j", "--app", app);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("[\n  {\n    \"id\": \"devSampleApp\",\n    \"name\": \"devSampleApp\",\n"
                + "    \"environment\": {\n      \"account\": \"111111111111\",");
    }
}
