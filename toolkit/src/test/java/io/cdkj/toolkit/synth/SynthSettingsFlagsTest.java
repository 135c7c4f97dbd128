package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Node CLI's synth settings through {@code cdkj synth} with a shell "app" (no AWS call): {@code --build}
 * and cdk.json's {@code "build"} run before the app and fail it with exit code 5; {@code "build"} in
 * ~/.cdk.json is refused; {@code --strict} turns the app's warnings into a failure; cdk.json's
 * {@code "lookups": false} acts as {@code --no-lookups}.
 */
class SynthSettingsFlagsTest {

    @TempDir
    Path project;
    @TempDir
    Path home;
    @TempDir
    Path fixture;

    private String copyAssembly;

    @BeforeEach
    void writeFixture() throws IOException {
        copyAssembly = FixtureAssembly.write(fixture, false);
    }

    @Test
    void build_runsBeforeTheApp() throws IOException {
        String app = "test -f built.txt && " + copyAssembly;

        CliHarness.Run run = cdkj("synth", "-q", "--build", "echo ok > built.txt", "--app", app);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(project.resolve("built.txt"))).isEqualTo("ok\n");
    }

    @Test
    void buildFromCdkJson_failing_stopsBeforeTheAppWithExit5() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"build\": \"exit 3\", \"app\": \"touch ran.txt\"}");

        CliHarness.Run run = cdkj("synth", "-q");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("The build command failed with exit code 3");
        assertThat(project.resolve("ran.txt")).doesNotExist();
    }

    @Test
    void buildInTheUsersCdkJson_isRefused() throws IOException {
        Files.writeString(home.resolve(".cdk.json"), "{\"build\": \"make\"}");

        CliHarness.Run run = cdkj("synth", "-q", "--app", copyAssembly);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("\"build\"", ".cdk.json");
    }

    @Test
    void strict_appWithAWarning_failsWithExit5_andWithoutItSucceeds() throws IOException {
        String manifest = Files.readString(fixture.resolve("manifest.json")).replace(
                "\"displayName\": \"devSampleApp\"}",
                "\"displayName\": \"devSampleApp\", \"metadata\": {\"/devSampleApp\": [{\"type\": \"aws:cdk:warning\","
                        + " \"data\": \"this bucket is public\"}]}}");
        Files.writeString(fixture.resolve("manifest.json"), manifest);

        CliHarness.Run lenient = cdkj("synth", "-q", "--app", copyAssembly);
        CliHarness.Run strict = cdkj("synth", "-q", "--strict", "--app", copyAssembly);

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("this bucket is public");
        assertThat(strict.exitCode()).isEqualTo(5);
        assertThat(strict.err()).contains("this bucket is public", "Found warnings (--strict mode) in 1 stack");
    }

    @Test
    void lookupsFalseInCdkJson_isNoLookups() throws IOException {
        String withMissing = FixtureAssembly.write(fixture.resolve("missing"), true);
        Files.writeString(project.resolve("cdk.json"), "{\"lookups\": false}");

        CliHarness.Run run = cdkj("synth", "-q", "--app", withMissing);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Context lookups have been disabled");
    }

    private CliHarness.Run cdkj(String... args) {
        return new CliHarness(project, home).env("PATH", System.getenv("PATH")).run(args);
    }
}
