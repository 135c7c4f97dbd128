package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.cli.CliHarness;
import io.cdkj.toolkit.testing.NodeCdkCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdkj list} prints what the real Node CDK CLI prints for the same cloud assembly (three stacks,
 * a chain of dependencies and an asset manifest, one stack environment-agnostic), for every
 * combination of {@code --long}, {@code --show-dependencies} and {@code --json}.
 */
class NodeCliListTest {

    private static final List<List<String>> FLAGS = List.of(List.of(), List.of("--json"), List.of("--long"),
            List.of("--long", "--json"), List.of("-d"), List.of("-d", "-j"), List.of("-l", "-d"), List.of("-l", "-d", "-j"));

    @TempDir
    static Path dir;

    @BeforeAll
    static void assembly() throws Exception {
        Path assembly = Files.createDirectories(dir.resolve("asm"));
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {
                  "Base": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/us-east-2",
                    "properties": {"templateFile": "Base.template.json"}, "displayName": "Base"},
                  "App.assets": {"type": "cdk:asset-manifest", "properties": {"file": "App.assets.json"}},
                  "App": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/us-east-2",
                    "properties": {"templateFile": "App.template.json", "stackName": "my-app"},
                    "dependencies": ["Base", "App.assets"], "displayName": "App"},
                  "Edge": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                    "properties": {"templateFile": "Edge.template.json"}, "dependencies": ["App"], "displayName": "Edge"}
                }}""");
        for (String stack : List.of("Base", "App", "Edge")) {
            Files.writeString(assembly.resolve(stack + ".template.json"), "{\"Resources\": {}}");
        }
        Files.writeString(assembly.resolve("App.assets.json"), "{\"version\": \"48.0.0\", \"files\": {}, \"dockerImages\": {}}");
    }

    @Test
    void list_everyFlagCombination_printsWhatTheNodeCliPrints() {
        NodeCdkCli node = NodeCdkCli.require();
        CliHarness cdkj = new CliHarness(dir, dir.resolve("home")).env("PATH", System.getenv("PATH"));
        for (List<String> flags : FLAGS) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("list", "--app", "asm"), flags.stream())
                    .toArray(String[]::new);

            NodeCdkCli.Run theirs = node.run(dir, Map.of("AWS_REGION", "us-east-1"), args);
            CliHarness.Run ours = cdkj.run(args);

            assertThat(theirs.exitCode()).as(theirs.output()).isZero();
            assertThat(ours.exitCode()).as(ours.err()).isZero();
            assertThat(ours.out()).as("cdkj %s", String.join(" ", args)).isEqualTo(theirs.stdout());
        }
    }
}
