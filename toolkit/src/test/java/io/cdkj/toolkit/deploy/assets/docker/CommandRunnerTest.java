package io.cdkj.toolkit.deploy.assets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"), "FROM_RUNNER", "runner");

    @TempDir
    Path dir;

    @Test
    void run_passesArgumentsLiterally_withoutAShell() throws Exception {
        CommandRunner runner = new CommandRunner(ENV, new Redactor());

        CommandResult result = runner.run(CommandLine.of(List.of("printf", "%s|", "two words", "$HOME", "*", "a;b"), dir));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("two words|$HOME|*|a;b|\n");
    }

    @Test
    void run_usesTheRunnersEnvironmentPlusTheCommands_andItsDirectory() throws Exception {
        CommandRunner runner = new CommandRunner(ENV, new Redactor());

        CommandResult result = runner.run(new CommandLine(List.of("sh", "-c", "echo $FROM_RUNNER $EXTRA $HOME; pwd"),
                dir, Map.of("EXTRA", "extra"), Optional.empty()));

        assertThat(result.stdout()).isEqualTo("runner extra\n" + dir.toRealPath() + "\n");
    }

    @Test
    void run_failure_keepsTheLastStderrLines_withSecretsRedacted() throws Exception {
        Redactor redactor = new Redactor();
        redactor.add("s3cr3t-token");
        CommandRunner runner = new CommandRunner(ENV, redactor);
        String script = "for i in 1 2 3 4 5 6 7 8; do echo \"line $i\" >&2; done; read pw; echo \"bad password $pw\" >&2; exit 3";

        CommandResult result = runner.run(new CommandLine(List.of("sh", "-c", script), dir, Map.of(),
                Optional.of("s3cr3t-token\n")));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderrTail()).hasSize(CommandRunner.TAIL_LINES)
                .endsWith("line 8", "bad password ****").doesNotContain("line 1", "line 2", "line 3");
        assertThat(result.tail()).doesNotContain("s3cr3t-token");
    }

    @Test
    void run_nothingOnStderr_tailIsTheLastStdoutLines() throws Exception {
        CommandResult result = new CommandRunner(ENV, new Redactor())
                .run(CommandLine.of(List.of("sh", "-c", "echo Step 1/2; echo 'COPY failed: no such file'; exit 1"), dir));

        assertThat(result.stderrTail()).containsExactly("Step 1/2", "COPY failed: no such file");
    }

    @Test
    void run_missingProgram_throwsIOException() {
        assertThatThrownBy(() -> new CommandRunner(ENV, new Redactor())
                .run(CommandLine.of(List.of(dir.resolve("nope").toString()), dir)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void commandLine_toString_neverShowsStdin() {
        CommandLine login = new CommandLine(List.of("docker", "login", "--password-stdin", "host"), dir, Map.of(),
                Optional.of("the-password"));

        assertThat(login.toString()).doesNotContain("the-password").contains("(with stdin)");
        assertThat(login.summary()).isEqualTo("docker login");
    }
}
