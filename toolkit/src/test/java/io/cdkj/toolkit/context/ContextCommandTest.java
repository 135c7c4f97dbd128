package io.cdkj.toolkit.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {

    private static final String SSM_DEV = "ssm:account=111111111111:parameterName=/cdkj/sample/message:region=us-east-2";
    private static final String SSM_PROD = "ssm:account=333333333333:parameterName=/cdkj/sample/message:region=us-east-1";

    @TempDir
    Path project;
    @TempDir
    Path home;

    private CliHarness cli;
    private ContextFile file;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"app\": \"true\", \"context\": {\"devAccount\": \"111111111111\"}}");
        cli = new CliHarness(project, home);
        file = ContextFile.in(project);
    }

    @Test
    void context_noCachedValues_saysSo() {
        // when
        CliHarness.Run run = cli.run("context");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("does not have any saved context values yet");
    }

    @Test
    void context_cachedValues_listsThemNumberedBySortedKey() {
        // given
        file.update(Map.of(SSM_PROD, TextNode.valueOf("hello from prod"), SSM_DEV, TextNode.valueOf("hello from dev")));

        // when
        CliHarness.Run run = cli.run("context");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("1  " + java.util.regex.Pattern.quote(SSM_DEV) + " +\"hello from dev\"")
                .containsPattern("2  " + java.util.regex.Pattern.quote(SSM_PROD) + " +\"hello from prod\"")
                .contains("cdkj context --reset KEY_OR_NUMBER");
    }

    @Test
    void context_json_printsCachedObject() throws IOException {
        // given
        file.update(Map.of(SSM_DEV, TextNode.valueOf("hello from dev")));

        // when
        CliHarness.Run run = cli.run("context", "--json");

        // then
        assertThat(new ObjectMapper().readTree(run.out()).get(SSM_DEV).asText()).isEqualTo("hello from dev");
    }

    @Test
    void context_resetByNumber_removesThatKey() {
        // given
        file.update(Map.of(SSM_PROD, TextNode.valueOf("p"), SSM_DEV, TextNode.valueOf("d")));

        // when
        CliHarness.Run run = cli.run("context", "--reset", "2");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Context value " + SSM_PROD + " reset");
        assertThat(file.load().fieldNames()).toIterable().containsExactly(SSM_DEV);
    }

    @Test
    void context_resetByKey_removesIt() {
        // given
        file.update(Map.of(SSM_DEV, TextNode.valueOf("d")));

        // when
        CliHarness.Run run = cli.run("context", "--reset", SSM_DEV);

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(file.load().isEmpty()).isTrue();
    }

    @Test
    void context_resetUnknown_failsWithUsage() {
        // when
        CliHarness.Run run = cli.run("context", "--reset", "nope");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.USAGE.exitCode());
        assertThat(run.err()).contains("No cached context value with key or number 'nope'");
    }

    @Test
    void context_resetKeyFromCdkJson_refusesNamingCdkJson() {
        // when
        CliHarness.Run run = cli.run("context", "--reset", "devAccount");

        // then
        assertThat(run.exitCode()).isEqualTo(ErrorCode.USAGE.exitCode());
        assertThat(run.err()).contains("it is set in cdk.json or with --context");
    }

    @Test
    void context_clear_removesEverything() {
        // given
        file.update(Map.of(SSM_DEV, TextNode.valueOf("d"), SSM_PROD, TextNode.valueOf("p")));

        // when
        CliHarness.Run run = cli.run("context", "--clear");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(file.load().isEmpty()).isTrue();
    }
}
