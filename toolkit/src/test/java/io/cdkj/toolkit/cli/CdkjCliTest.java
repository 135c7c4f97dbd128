package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.ToolkitOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

class CdkjCliTest {

    @TempDir
    Path work;
    @TempDir
    Path home;

    private CliHarness cli;

    /** Records the session it got and what the session saw; throws on demand. */
    @Command(name = "probe")
    static final class Probe extends ToolkitCommand {
        static final AtomicReference<Toolkit> SESSION = new AtomicReference<>();
        static final AtomicReference<ToolkitOptions> OPTIONS = new AtomicReference<>();
        static final AtomicReference<RuntimeException> THROW = new AtomicReference<>();

        @Override
        protected int run(Toolkit session) {
            SESSION.set(session);
            OPTIONS.set(session.options());
            session.clients();
            RuntimeException failure = THROW.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            session.io().out().println("context=" + session.configuration().context());
            return 0;
        }
    }

    @BeforeEach
    void setUp() {
        cli = new CliHarness(work, home);
        Probe.SESSION.set(null);
        Probe.THROW.set(null);
    }

    private CliHarness.Run probe(String... args) {
        return cli.runWith(List.of(new Probe()), args);
    }

    @Test
    void version_printsNameAndExitsZero() {
        CliHarness.Run run = cli.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("cdkj ");
    }

    @Test
    void help_documentsExitCodesAndGlobalOptions() {
        CliHarness.Run run = cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:", "  3    credentials", "  4    plugin", "--profile", "--plugin",
                "--context", "--verbose", "--debug", "credentials", "plugins");
    }

    @Test
    void subcommandHelp_showsGlobalOptionsAndExitCodes_withoutRequiredOptions() {
        CliHarness.Run run = cli.run("credentials", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: cdkj credentials", "--account", "--dry-run", "--plugin", "Exit codes:");
    }

    @Test
    void subcommandHelp_everyCommand_printsTheExitCodesHeadingOnce() {
        for (String command : List.of("synth", "list", "deploy", "destroy", "diff", "context", "credentials", "plugins")) {
            CliHarness.Run run = cli.run(command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out().split("Exit codes:", -1)).as(command + " --help:%n%s", run.out()).hasSize(2);
        }
    }

    @Test
    void noSubcommand_printsUsageAndExitsWithUsageCode() {
        CliHarness.Run run = cli.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: cdkj");
    }

    @Test
    void unknownOption_printsOneErrorAndExitsTwo() {
        CliHarness.Run run = cli.run("plugins", "--no-such-flag");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Unknown option: '--no-such-flag'");
        assertThat(run.err()).doesNotContain("at io.cdkj");
    }

    @Test
    void globalOptions_beforeOrAfterSubcommand_reachTheSession() {
        probe("--profile", "ci", "--plugin", "b", "probe", "--plugin", "a", "-c", "k=v", "--context", "x=1=2",
                "--verbose");

        ToolkitOptions options = Probe.OPTIONS.get();
        assertThat(options.profile()).contains("ci");
        assertThat(options.plugins()).containsExactly("b", "a");
        assertThat(options.context()).containsExactly("k=v", "x=1=2");
        assertThat(options.verbose()).isTrue();
        assertThat(options.debug()).isFalse();
    }

    @Test
    void session_isClosedAfterSuccess() {
        CliHarness.Run run = probe("probe", "-c", "answer=42");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("context={answer=42}");
        assertThat(Probe.SESSION.get()).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Probe.SESSION.get().clients())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void toolkitException_printsOneLineAndMapsItsCode_andClosesTheSession() {
        Probe.THROW.set(new ToolkitException(ErrorCode.CREDENTIALS, "Need to perform AWS calls for account 111111111111"));

        CliHarness.Run run = probe("probe");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("Error: Need to perform AWS calls for account 111111111111" + System.lineSeparator());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Probe.SESSION.get().clients())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toolkitException_withDebug_printsStackTrace() {
        Probe.THROW.set(new ToolkitException(ErrorCode.PLUGIN, "plugin broke"));

        CliHarness.Run run = probe("probe", "--debug");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("Error: plugin broke").contains("at io.cdkj.toolkit.cli");
    }

    @Test
    void unexpectedException_printsOneLineWithDebugHint_andExitsOne() {
        Probe.THROW.set(new IllegalStateException("surprise"));

        CliHarness.Run run = probe("probe");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("Error: unexpected IllegalStateException: surprise"
                + " (re-run with --debug for details)");
    }

    @Test
    void malformedCdkJson_isUsageErrorNamingTheFile() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{ \"app\": \"java -jar app.jar\", }");

        CliHarness.Run run = probe("probe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Invalid JSON in " + work.resolve("cdk.json"))
                .contains("line 1").doesNotContain("\tat ");
    }
}
