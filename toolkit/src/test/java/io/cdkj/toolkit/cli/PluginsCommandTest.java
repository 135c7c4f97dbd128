package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.plugins.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsCommandTest {

    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void plugins_listsNameStatusLocationAndSelection() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{\"plugin\": [\"fake-declining\"]}");
        Path jar = PluginJars.decliningPlugin(work.resolve("extra.jar"), "com.example.Extra", "extra");

        CliHarness.Run run = new CliHarness(work, home).pluginPath(jar).run("plugins");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("fake-declining\\s+available\\s+yes \\(1\\)\\s+\\S*test-classes")
                .containsPattern("extra\\s+available\\s+no\\s+" + java.util.regex.Pattern.quote(jar.toString()))
                .containsPattern("fake-unavailable\\s+unavailable")
                .contains("reason: fake-unavailable needs FAKE_TOOL on the PATH");
    }

    @Test
    void plugins_listsJarsThatFailedToLoadWithTheirCause() throws Exception {
        Path corrupt = Files.write(work.resolve("corrupt.jar"), new byte[] {0, 1, 2});

        CliHarness.Run run = new CliHarness(work, home).pluginPath(corrupt).run("plugins");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Failed to load:", corrupt + ": cannot open plugin jar: ZipException");
        assertThat(run.out()).contains("fake-declining");
    }

    @Test
    void plugins_unknownSelectedPlugin_isNotAnErrorForListing_butCredentialsFailListingFound() {
        CliHarness.Run run = new CliHarness(work, home).run("--plugin", "asume-role", "credentials", "--account",
                "111111111111", "--mode", "read", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        // Other plugins may sit between them: in a reactor build the plugin-api test fixture is on the class path too.
        assertThat(run.err()).containsPattern("Unknown plugin 'asume-role'\\. Plugins found: assume-role, ([a-z-]+, )*fake-assume, fake-declining");
    }
}
