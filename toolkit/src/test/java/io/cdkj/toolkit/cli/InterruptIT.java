package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.WireMockAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on the real {@code bin/cdkj} process (after {@code package}, failsafe): whatever the command was
 * doing — running the app, waiting for AWS — it ends with exit 130 and exactly one line saying it was
 * interrupted, never with a misleading app failure or without a word.
 *
 * <p>The launcher runs under a tiny wrapper that restores the default SIGINT disposition: a JVM started
 * with SIGINT ignored (as background jobs of non-interactive shells are) never sees Ctrl-C at all.
 */
class InterruptIT {

    private static final Path REPO = Path.of(System.getProperty("cdkj.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = REPO.resolve("bin/cdkj");
    private static final String RESTORE_SIGINT = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
            + " os.execv(sys.argv[1], sys.argv[1:])";

    @TempDir
    Path dir;

    private record Result(int exitCode, String err, List<ProcessHandle> descendants) {
    }

    @Test
    void ctrlC_duringAColdSynth_saysInterrupted_notThatTheAppFailed_andStopsTheApp() throws Exception {
        Path started = dir.resolve("started");
        String app = "touch '" + started + "'; sleep 600";

        Result result = interrupt(Map.of(), () -> Files.exists(started), "synth", "--no-warm", "--app", app);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(130);
        assertThat(result.err()).contains(InterruptNotice.MESSAGE).doesNotContain("failed with exit code")
                .doesNotContain("fix the error above");
        assertThat(result.err().lines().filter(line -> line.startsWith("Error: "))).hasSize(1);
        assertThat(result.descendants()).as("the app's processes").isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void ctrlC_whileWaitingForAws_saysInterrupted() throws Exception {
        try (WireMockAws sts = WireMockAws.start()) {
            // STS accepts the call and never answers in time (moto cannot stall).
            sts.stubError("GetCallerIdentity", 500, "InternalFailure", "never sent", Duration.ofMinutes(10));
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", sts.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIDINTERRUPTTEST001", "AWS_SECRET_ACCESS_KEY", "interruptTestSecret000000000000000000000",
                    "AWS_REGION", "us-east-1");

            Result result = interrupt(env, () -> sts.requestsFor("GetCallerIdentity") > 0,
                    "credentials", "--account", "111111111111", "--mode", "read");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(130);
            assertThat(result.err().lines().filter(line -> line.startsWith("Error: ")))
                    .containsExactly(InterruptNotice.MESSAGE);
        }
    }

    /** Starts cdkj, waits until {@code ready} (polled, no fixed sleep), sends SIGINT and waits for the end. */
    private Result interrupt(Map<String, String> env, BooleanSupplier ready, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", RESTORE_SIGINT, LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(env);
        Path err = dir.resolve("stderr.txt");
        Process process = builder.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!ready.getAsBoolean()) {
                assertThat(process.isAlive()).as("cdkj still running; stderr: %s", read(err)).isTrue();
                assertThat(System.nanoTime()).as("cdkj got ready within 2 minutes").isLessThan(deadline);
                Thread.sleep(50);
            }
            List<ProcessHandle> descendants = process.descendants().toList();
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cdkj ended after SIGINT").isTrue();
            return new Result(process.exitValue(), read(err), descendants);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
