package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.cli.CliHarness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembly directory belongs to one run at a time, and an app run's result is what that run wrote:
 * an app that writes no assembly fails even when an older one is in {@code cdk.out}, and a second run
 * in the same directory — of this process or another — is refused while the first uses it.
 */
class OutputDirectoryTest {

    @TempDir
    Path project;
    @TempDir
    Path home;
    @TempDir
    Path fixture;

    private String app;

    @BeforeEach
    void setUp() throws IOException {
        app = FixtureAssembly.write(fixture, false);
    }

    private CliHarness cli() {
        return new CliHarness(project, home).env("PATH", System.getenv("PATH"));
    }

    @Test
    void appWritingNoAssembly_afterAnEarlierSynth_failsInsteadOfReusingTheOldAssembly() {
        CliHarness.Run earlier = cli().run("synth", "--app", app, "--quiet");
        assertThat(earlier.exitCode()).as(earlier.all()).isZero();

        CliHarness.Run forgotSynth = cli().run("list", "--app", "echo 'main ran, no app.synth()'");

        assertThat(forgotSynth.exitCode()).as(forgotSynth.all()).isEqualTo(7);
        assertThat(forgotSynth.out()).doesNotContain("devSampleApp");
        assertThat(forgotSynth.err()).contains("exited successfully but wrote no cloud assembly: "
                + project.resolve("cdk.out/manifest.json") + " is missing. Did you call app.synth() at the end of main?");
    }

    @Test
    void secondRunInTheSameProcess_isRefusedWhileTheFirstSynthesizes() throws Exception {
        Path started = project.resolve("started");
        Path release = project.resolve("release");
        String slowApp = "touch started; while [ ! -f release ]; do sleep 0.05; done; " + app;
        CompletableFuture<CliHarness.Run> first = CompletableFuture.supplyAsync(() -> cli().run("list", "--app", slowApp));
        awaitFile(started, first);

        CliHarness.Run second = cli().run("list", "--app", app);
        Files.writeString(release, "");
        CliHarness.Run firstDone = first.get(2, TimeUnit.MINUTES);
        CliHarness.Run afterwards = cli().run("list", "--app", app);

        assertThat(second.exitCode()).as(second.all()).isEqualTo(2);
        assertThat(second.err().strip()).isEqualTo("Error: The output directory " + project.resolve("cdk.out")
                + " is in use by another cdkj run in this process. Run cdkj commands on one project in sequence, or"
                + " give each run its own --output directory.");
        assertThat(firstDone.exitCode()).as(firstDone.all()).isZero();
        assertThat(afterwards.exitCode()).as("the lock is released with the command").isZero();
    }

    @Test
    void runOfAnotherProcess_holdsTheDirectory_untilItEnds() throws Exception {
        Process holder = holdInAnotherProcess(project.resolve("cdk.out"), "write");
        CliHarness.Run whileHeld;
        CliHarness.Run readerWhileHeld;
        try {
            whileHeld = cli().run("list", "--app", app);
            readerWhileHeld = cli().run("list", "--app", "cdk.out");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        CliHarness.Run afterwards = cli().run("list", "--app", app);

        assertThat(whileHeld.exitCode()).as(whileHeld.all()).isEqualTo(2);
        assertThat(whileHeld.err()).contains("is in use by another cdkj run (PID " + holder.pid() + ")");
        assertThat(readerWhileHeld.exitCode()).as("reading while another run synthesizes").isEqualTo(2);
        assertThat(afterwards.exitCode()).as(afterwards.all()).isZero();
    }

    @Test
    void readersShareAnAssembly_butASynthWaitsForNoOne() throws Exception {
        assertThat(cli().run("synth", "--app", app, "--quiet").exitCode()).isZero();
        Process reader = holdInAnotherProcess(project.resolve("cdk.out"), "read");
        CliHarness.Run otherReader;
        CliHarness.Run writer;
        try {
            otherReader = cli().run("list", "--app", "cdk.out");
            writer = cli().run("synth", "--app", app, "--quiet");
        } finally {
            reader.getOutputStream().close();
            assertThat(reader.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(otherReader.exitCode()).as(otherReader.all()).isZero();
        assertThat(otherReader.out()).contains("devSampleApp");
        assertThat(writer.exitCode()).as(writer.all()).isEqualTo(2);
        assertThat(writer.err()).contains("is in use by another cdkj run.");
    }

    private static Process holdInAnotherProcess(Path directory, String mode) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), directory.toString(), mode)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the other process took the lock").isEqualTo("locked");
        return process;
    }

    private static void awaitFile(Path file, CompletableFuture<CliHarness.Run> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(file)) {
            if (run.isDone()) {
                throw new AssertionError("the first run ended before its app started: " + run.get().all());
            }
            assertThat(System.nanoTime()).as("the app started within 2 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
