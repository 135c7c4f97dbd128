package io.cdkj.toolkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigurationTest {

    @TempDir
    Path work;
    @TempDir
    Path home;

    private ProjectConfiguration load(List<String> contextArgs, List<String> plugins, Optional<String> profile) {
        return ProjectConfiguration.load(work, home, Map.of("HOME", home.toString()), contextArgs, plugins, profile);
    }

    @Test
    void load_noFiles_givesDefaults() {
        ProjectConfiguration config = load(List.of(), List.of(), Optional.empty());

        assertThat(config.context()).isEmpty();
        assertThat(config.plugins()).isEmpty();
        assertThat(config.app()).isEmpty();
        assertThat(config.profile()).isEmpty();
        assertThat(config.output()).isEqualTo(work.resolve("cdk.out"));
    }

    @Test
    void context_followsCdkPrecedence_commandLineOverCdkJsonOverContextFileOverUser() throws Exception {
        Files.writeString(home.resolve(".cdk.json"),
                "{\"context\": {\"a\": \"user\", \"b\": \"user\", \"c\": \"user\", \"d\": \"user\"}}");
        Files.writeString(work.resolve("cdk.context.json"), "{\"a\": \"cached\", \"b\": \"cached\", \"c\": \"cached\"}");
        Files.writeString(work.resolve("cdk.json"),
                "{\"app\": \"java -jar app.jar\", \"context\": {\"a\": \"project\", \"b\": \"project\"}}");

        ProjectConfiguration config = load(List.of("a=cli"), List.of(), Optional.empty());

        assertThat(config.context()).containsEntry("a", "cli").containsEntry("b", "project")
                .containsEntry("c", "cached").containsEntry("d", "user");
        assertThat(config.pluginConfiguration().contextValue("c")).contains("cached");
        assertThat(config.pluginConfiguration().environmentVariable("HOME")).contains(home.toString());
    }

    @Test
    void cdkJson_readsKnownKeysAndIgnoresUnknownOnes() throws Exception {
        Files.writeString(work.resolve("cdk.json"), """
                {"app": "mvn -e -q compile exec:java", "plugin": ["assume-role", "other"], "output": "out",
                 "profile": "ci", "watch": {"include": ["**"]}, "requireApproval": "never",
                 "context": {"nested": {"list": [1, true, "x"]}, "n": 5}}
                """);

        ProjectConfiguration config = load(List.of(), List.of(), Optional.empty());

        assertThat(config.app()).contains("mvn -e -q compile exec:java");
        assertThat(config.plugins()).containsExactly("assume-role", "other");
        assertThat(config.output()).isEqualTo(work.resolve("out"));
        assertThat(config.profile()).contains("ci");
        assertThat(config.context().get("nested")).isEqualTo(Map.of("list", List.of(1, true, "x")));
        assertThat(config.context().get("n")).isEqualTo(5);
    }

    @Test
    void plugins_commandLineReplacesCdkJsonArray() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{\"plugin\": [\"from-file\"]}");

        assertThat(load(List.of(), List.of("b", "a"), Optional.empty()).plugins()).containsExactly("b", "a");
        assertThat(load(List.of(), List.of(), Optional.empty()).plugins()).containsExactly("from-file");
    }

    @Test
    void plugins_fallBackToUserFile() throws Exception {
        Files.writeString(home.resolve(".cdk.json"), "{\"plugin\": \"assume-role\", \"profile\": \"user-profile\"}");

        ProjectConfiguration config = load(List.of(), List.of(), Optional.empty());

        assertThat(config.plugins()).containsExactly("assume-role");
        assertThat(config.profile()).contains("user-profile");
    }

    @Test
    void profile_commandLineWins() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{\"profile\": \"project\"}");

        assertThat(load(List.of(), List.of(), Optional.of("cli")).profile()).contains("cli");
    }

    @Test
    void malformedCdkJson_failsWithUsageNamingFileAndPosition() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{\n  \"app\": \"x\"\n  \"context\": {}\n}");

        assertThatThrownBy(() -> load(List.of(), List.of(), Optional.empty()))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining(work.resolve("cdk.json").toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void malformedContextFile_failsNamingIt() throws Exception {
        Files.writeString(work.resolve("cdk.context.json"), "[1, 2]");

        assertThatThrownBy(() -> load(List.of(), List.of(), Optional.empty()))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining(work.resolve("cdk.context.json").toString())
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void wrongTypeForKnownKey_failsNamingKey() throws Exception {
        Files.writeString(work.resolve("cdk.json"), "{\"plugin\": {\"name\": \"assume-role\"}}");

        assertThatThrownBy(() -> load(List.of(), List.of(), Optional.empty()))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("\"plugin\"")
                .hasMessageContaining("expected an array of plugin names");
    }
}
