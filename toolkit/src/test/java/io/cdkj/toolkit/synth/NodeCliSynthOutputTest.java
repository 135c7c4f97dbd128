package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.cli.CliHarness;
import io.cdkj.toolkit.config.NodeYamlTest;
import io.cdkj.toolkit.testing.NodeCdkCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cdkj synth STACK} prints a template exactly as the real Node CDK CLI does, as YAML and as
 * JSON, for a template full of strings YAML would misread, numbers, empty containers, multi-line and
 * long strings, non-ASCII text and the bootstrap version rule (left out by both).
 */
class NodeCliSynthOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void assembly() throws Exception {
        ObjectNode template = JSON.createObjectNode();
        ObjectNode properties = template.putObject("Resources").putObject("Group")
                .put("Type", "AWS::EC2::SecurityGroup").putObject("Properties");
        properties.put("GroupDescription", "a description that is much longer than eighty characters, so that a"
                + " writer that folds lines would fold it: it must stay on one line");
        properties.putArray("SecurityGroupIngress").addObject().put("IpProtocol", "-1").put("FromPort", 443)
                .put("ToPort", 443.0).put("CidrIp", "0.0.0.0/0").put("Description", "déjà vu — 😀");
        // cdkj also quotes << and = (YAML 1.1's merge and value keys), which the Node CLI leaves plain
        List<String> ambiguous = NodeYamlTest.AMBIGUOUS.stream().filter(s -> !s.equals("<<") && !s.equals("=")).toList();
        ArrayNode values = properties.putArray("Ambiguous");
        ambiguous.forEach(values::add);
        ObjectNode keyed = properties.putObject("Keyed");
        ambiguous.stream().filter(s -> !s.isEmpty()).forEach(s -> keyed.put(s, 1));
        properties.put("UserData", "#!/bin/bash\necho hello\n  indented\n");
        properties.put("NoTrailingNewline", "line one\nline two");
        properties.put("KeepNewlines", "a\n\n\n");
        properties.put("LeadingSpace", "  x\ny\n");
        properties.put("TrailingBlanks", "x\n  ");
        properties.put("Control", "bell\u0007 nul\u0000 esc\u001b x\u0001");
        properties.put("LongWithNewlinesQuoted", "this line is long enough to be folded \n\nand it ends in blanks\n ");
        properties.putObject("Keys").put("multi\nline key", 1).put("---", 2).put("%x", 3).put("a: b", 4);
        properties.put("DocumentMarkerValue", "--- not a marker here");
        properties.putObject("Empty");
        properties.putArray("None");
        properties.putArray("Nested").addArray().add(1).add(true).addNull();
        properties.put("Big", 12345678901234L).put("Small", 0.000001).put("Negative", -2.5);
        template.putObject("Rules").putObject("CheckBootstrapVersion").putArray("Assertions");
        Path assembly = Files.createDirectories(dir.resolve("asm"));
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"S": {"type": "aws:cloudformation:stack",
                  "environment": "aws://111111111111/us-east-2", "properties": {"templateFile": "S.template.json"}}}}""");
        Files.writeString(assembly.resolve("S.template.json"), JSON.writeValueAsString(template));
    }

    @Test
    void synth_yaml_byteIdenticalToTheNodeCli() {
        compare("synth", "--app", "asm", "S");
    }

    @Test
    void synth_json_byteIdenticalToTheNodeCli() {
        compare("synth", "--app", "asm", "S", "--json");
    }

    private static void compare(String... args) {
        NodeCdkCli.Run theirs = NodeCdkCli.require().run(dir, Map.of("AWS_REGION", "us-east-1"), args);
        CliHarness.Run ours = new CliHarness(dir, dir.resolve("home")).env("PATH", System.getenv("PATH")).run(args);

        assertThat(theirs.exitCode()).as(theirs.output()).isZero();
        assertThat(ours.exitCode()).as(ours.err()).isZero();
        assertThat(ours.out()).isEqualTo(theirs.stdout());
    }
}
