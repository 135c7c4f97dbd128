package io.cdkj.toolkit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdAppRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    private final StringWriter progress = new StringWriter();
    private final List<String> appLines = new CopyOnWriteArrayList<>();

    private ColdAppRunner runner(Map<String, String> env) {
        return new ColdAppRunner(new PrintWriter(progress, true), appLines::add, env, Clock.systemUTC());
    }

    private AppRequest request(String command, ObjectNode context, Optional<String> account) {
        return new AppRequest(command, project, project.resolve("cdk.out"), context, account, Optional.of("us-east-2"),
                Map.of());
    }

    @Test
    void run_shellCommand_passesOutdirContextAndDefaultEnvironment() throws IOException {
        // given
        ObjectNode context = JSON.createObjectNode().put("devAccount", "111111111111");
        String app = "printf '%s' \"$CDK_CONTEXT_JSON\" > \"$CDK_OUTDIR/context.json\";"
                + " echo \"$CDK_DEFAULT_ACCOUNT|$CDK_DEFAULT_REGION|$JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION|$PWD\"";

        // when
        AppRun run = runner(System.getenv()).run(request(app, context, Optional.empty()));

        // then
        assertThat(run.outputDirectory()).isEqualTo(project.resolve("cdk.out"));
        assertThat(JSON.readTree(project.resolve("cdk.out/context.json").toFile())).isEqualTo(context);
        assertThat(appLines).containsExactly("|us-east-2|1|" + project.toRealPath());
        assertThat(progress.toString()).contains("Running app: printf").containsPattern("App finished in \\d+\\.\\d s");
    }

    @Test
    void run_appWritesAnErrorCode_failureNamesItAndTheNextRunStartsWithoutTheOldFile() throws IOException {
        // given: aws-cdk-lib writes the code of its error to CDK_ERROR_FILE before it exits
        String failing = "printf 'ValidationError\\nmore\\n' > \"$CDK_ERROR_FILE\"; exit 1";
        String checking = "test -e \"$CDK_ERROR_FILE\" && echo stale || echo clean; echo \"$CDK_ERROR_FILE\"";

        // when
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> runner(System.getenv()).run(request(failing, JSON.createObjectNode(), Optional.empty())));
        runner(System.getenv()).run(request(checking, JSON.createObjectNode(), Optional.empty()));

        // then
        assertThat(failure).isInstanceOf(ToolkitException.class)
                .hasMessageContaining("The app failed with exit code 1 (aws-cdk-lib error code ValidationError): printf");
        assertThat(appLines).containsExactly("clean", project.resolve("cdk.out/error.txt").toString());
    }

    @Test
    void run_knownAccount_setsCdkDefaultAccount() {
        // when
        runner(System.getenv()).run(request("echo \"$CDK_DEFAULT_ACCOUNT\"", JSON.createObjectNode(),
                Optional.of("222222222222")));

        // then
        assertThat(appLines).containsExactly("222222222222");
    }

    @Test
    void run_contextLargerThanEnvironmentLimit_writesOverflowFileAndDeletesItAfterwards() throws IOException {
        // given: a context value far beyond the 128 KiB the CDK CLI allows for the environment
        ObjectNode context = JSON.createObjectNode().put("small", "s").put("big", "x".repeat(200_000));
        String app = "cp \"$CONTEXT_OVERFLOW_LOCATION_ENV\" \"$CDK_OUTDIR/overflow.json\";"
                + " printf '%s' \"$CDK_CONTEXT_JSON\" > \"$CDK_OUTDIR/context.json\"; echo \"$CONTEXT_OVERFLOW_LOCATION_ENV\"";

        // when
        runner(System.getenv()).run(request(app, context, Optional.empty()));

        // then
        assertThat(JSON.readTree(project.resolve("cdk.out/context.json").toFile()))
                .isEqualTo(JSON.createObjectNode().put("small", "s"));
        assertThat(JSON.readTree(project.resolve("cdk.out/overflow.json").toFile()).get("big").asText()).hasSize(200_000);
        assertThat(Path.of(appLines.get(0))).doesNotExist();
    }

    @Test
    void run_appExitsNonZero_failsOnOneLineWithExitCode_afterShowingTheAppsStderr() {
        // given
        String app = "echo 'Exception in thread \"main\" java.lang.IllegalStateException: no stacks' >&2; exit 3";

        // then
        assertThatThrownBy(() -> runner(System.getenv()).run(request(app, JSON.createObjectNode(), Optional.empty())))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.APP))
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("Hint: fix the error above")
                .hasMessageNotContaining("\n");
        assertThat(appLines).contains("Exception in thread \"main\" java.lang.IllegalStateException: no stacks");
    }

    @Test
    void run_hugeCommand_isNotRepeatedWhole() {
        // given: a 300 KB "app" value that fails
        String app = "exit 3; " + "x".repeat(300_000);

        // then
        assertThatThrownBy(() -> runner(System.getenv()).run(request(app, JSON.createObjectNode(), Optional.empty())))
                .isInstanceOf(ToolkitException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000).contains("more characters"));
        assertThat(progress.toString()).hasSizeLessThan(1000);
    }

    @Test
    void run_commandNotFound_hintsAtAppCommand() {
        assertThatThrownBy(() -> runner(System.getenv())
                .run(request("no-such-cdk-app-command", JSON.createObjectNode(), Optional.empty())))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("exit code 127")
                .hasMessageContaining("no-such-cdk-app-command")
                .hasMessageContaining("\"app\" in cdk.json");
    }

    @Test
    void run_nodeMissingFromPath_hintsToInstallNode() throws IOException {
        // given: a PATH without node; the app reports what jsii reports when it cannot start node
        Path emptyBin = Files.createDirectory(project.resolve("bin"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", emptyBin.toString());
        String app = "echo 'software.amazon.jsii.JsiiError: Cannot run program \"node\"' >&2; exit 1";

        // then
        assertThatThrownBy(() -> runner(env).run(request(app, JSON.createObjectNode(), Optional.empty())))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("'node' is not on PATH");
    }

    @Test
    void run_interrupted_stopsAppProcessesAndReportsInterrupted() throws Exception {
        // given: an app that announces itself, then blocks in a child process
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ColdAppRunner runner = new ColdAppRunner(new PrintWriter(progress, true), line -> started.countDown(),
                System.getenv(), Clock.systemUTC());
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread synth = new Thread(() -> {
            try {
                runner.run(request("echo started; sleep 317.5; echo never", JSON.createObjectNode(), Optional.empty()));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        synth.start();
        assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // when
        synth.interrupt();
        synth.join(30_000);

        // then
        assertThat(synth.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOfSatisfying(ToolkitException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERRUPTED));
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 317.5"))
                .filter(ProcessHandle::isAlive))
                .isEmpty();
    }
}
