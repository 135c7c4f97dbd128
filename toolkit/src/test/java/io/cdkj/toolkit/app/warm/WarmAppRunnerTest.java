package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.AppRequest;
import io.cdkj.toolkit.app.warm.apps.CountingApp;
import io.cdkj.toolkit.app.warm.apps.ExitingApp;
import io.cdkj.toolkit.app.warm.apps.FailingApp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmAppRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path project;

    private final StringWriter progress = new StringWriter();
    private final List<String> appLines = new CopyOnWriteArrayList<>();
    private final List<String> verbose = new CopyOnWriteArrayList<>();
    private final RecordingColdRunner cold = new RecordingColdRunner();
    private final WarmAppRunner runner = new WarmAppRunner(cold, new LaunchResolver(WarmSettings.DEFAULT, verbose::add),
            new PrintWriter(progress, true), appLines::add, verbose::add, Map.of("PATH", "/usr/bin:/bin"),
            Clock.systemUTC());

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void run_twice_reusesOneJvmAndRereadsTheContextFile() throws IOException {
        // given
        AppRequest request = request(javaCommand(CountingApp.class, "a1 a2"), context("first", "1"));

        // when
        runner.run(request);
        List<String> first = Files.readAllLines(project.resolve("cdk.out/run.txt"));
        runner.run(request.withContext(context("second", "2")));
        List<String> second = Files.readAllLines(project.resolve("cdk.out/run.txt"));

        // then
        assertThat(second.get(0)).as("same JVM").isEqualTo(first.get(0));
        assertThat(first.get(1)).isEqualTo("1");
        assertThat(second.get(1)).as("main ran again in it").isEqualTo("2");
        assertThat(second.get(2)).isEqualTo("a1,a2");
        assertThat(first.get(3)).contains("\"first\":\"1\"");
        assertThat(second.get(3)).contains("\"second\":\"2\"").doesNotContain("first");
        assertThat(appLines).contains("counting app run 1", "counting app stderr 2")
                .noneMatch(l -> l.contains(AppHostMain.MARKER));
        assertThat(progress.toString()).contains("Running app: ").contains(" (in the warm app host)");
        assertThat(cold.requests).isEmpty();
    }

    @Test
    void run_argumentFileCommand_runsInTheWarmHost() throws IOException {
        // given: the walkthrough's form, java @app.args MainClass
        Files.writeString(project.resolve("app.args"), "-Xshare:auto\n-cp \"" + classesOf(CountingApp.class) + "\"\n");
        AppRequest request = request(JAVA + " @app.args " + CountingApp.class.getName() + " a1", context("k", "1"));

        // when
        runner.run(request);
        runner.run(request.withContext(context("k", "2")));

        // then
        List<String> second = Files.readAllLines(project.resolve("cdk.out/run.txt"));
        assertThat(second.get(1)).as("main ran twice in one JVM").isEqualTo("2");
        assertThat(second.get(2)).isEqualTo("a1");
        assertThat(cold.requests).isEmpty();
    }

    @Test
    void run_executableJar_findsTheMainClassThroughTheManifestsClassPath() throws IOException {
        // given: a jar holding only a manifest; its Class-Path leads to the app's classes
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, CountingApp.class.getName());
        String relative = project.relativize(classesOf(CountingApp.class)).toString().replace(" ", "%20") + "/";
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, relative);
        try (OutputStream out = Files.newOutputStream(project.resolve("app.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        AppRequest request = request(JAVA + " -Xshare:auto -jar app.jar j1", context("k", "1"));

        // when
        runner.run(request);
        runner.run(request);

        // then
        List<String> second = Files.readAllLines(project.resolve("cdk.out/run.txt"));
        assertThat(second.get(1)).isEqualTo("2");
        assertThat(second.get(2)).isEqualTo("j1");
        assertThat(cold.requests).isEmpty();
    }

    @Test
    void run_mainThrows_reportsTheAppFailureWithItsStderr() {
        // given
        AppRequest request = request(javaCommand(FailingApp.class, ""), context("k", "v"));

        // when / then
        assertThatThrownBy(() -> runner.run(request))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.APP))
                .hasMessageContaining("The app failed: its main threw java.lang.IllegalStateException: boom in main")
                .hasMessageContaining("--no-warm")
                .hasMessageNotContaining("\n");
        assertThat(appLines).contains("failing app: about to fail");
        assertThat(cold.requests).isEmpty();
        ProcessHandle host = runner.hostProcess().orElseThrow();
        runner.close();
        assertThat(host.isAlive()).as("the host is stopped after a failed synth too").isFalse();
    }

    @Test
    void run_mainCallsSystemExit_runsColdFromThenOnAndSaysWhy() {
        // given
        AppRequest request = request(javaCommand(ExitingApp.class, ""), context("k", "v"));

        // when
        runner.run(request);
        runner.run(request);

        // then
        assertThat(cold.requests).hasSize(2);
        assertThat(verbose).anyMatch(l -> l.contains("main called System.exit (exit code 3)"));
        assertThat(runner.hostProcess()).isEmpty();
    }

    @Test
    void run_notAJavaCommandLine_runsColdAndSaysWhy() {
        // when
        runner.run(request("node app.js | tee log", context("k", "v")));
        runner.run(request("python3 app.py", context("k", "v")));

        // then
        assertThat(cold.requests).hasSize(2);
        assertThat(verbose).anyMatch(l -> l.contains("needs a shell"))
                .anyMatch(l -> l.contains("not a java command line: python3 app.py"));
    }

    @Test
    void run_javaCannotBeStarted_runsColdAndSaysWhy() {
        // when
        runner.run(request("/nonexistent/jdk/bin/java -cp x com.example.App", context("k", "v")));

        // then
        assertThat(cold.requests).hasSize(1);
        assertThat(verbose).anyMatch(l -> l.contains("the warm app host could not start"));
    }

    @Test
    void run_environmentChanges_startsAFreshHost() throws IOException {
        // given
        AppRequest request = request(javaCommand(CountingApp.class, ""), context("k", "v"));
        runner.run(request);
        String firstPid = Files.readAllLines(project.resolve("cdk.out/run.txt")).get(0);

        // when
        runner.run(new AppRequest(request.command(), project, project.resolve("cdk.out"), context("k", "v"),
                Optional.of("111111111111"), Optional.of("us-east-2"), Map.of()));

        // then
        List<String> second = Files.readAllLines(project.resolve("cdk.out/run.txt"));
        assertThat(second.get(0)).isNotEqualTo(firstPid);
        assertThat(second.get(1)).isEqualTo("1");
    }

    @Test
    void close_stopsTheHostAndClosesTheColdRunner() {
        // given
        runner.run(request(javaCommand(CountingApp.class, ""), context("k", "v")));
        ProcessHandle host = runner.hostProcess().orElseThrow();

        // when
        runner.close();

        // then
        assertThat(host.isAlive()).isFalse();
        assertThat(runner.hostProcess()).isEmpty();
        assertThat(cold.closed).isTrue();
    }

    private AppRequest request(String command, ObjectNode context) {
        return new AppRequest(command, project, project.resolve("cdk.out"), context, Optional.empty(),
                Optional.empty(), Map.of());
    }

    private static ObjectNode context(String key, String value) {
        return JSON.createObjectNode().put(key, value);
    }

    private static String javaCommand(Class<?> main, String args) {
        return JAVA + " -Xshare:auto -cp " + classesOf(main) + " " + main.getName() + (args.isEmpty() ? "" : " " + args);
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
