package io.cdkj.toolkit.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** {@link NodeYaml}: what it writes reads back as the same strings in a YAML 1.1 reader (SnakeYAML). */
public class NodeYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Strings that a YAML 1.1 (or 1.2) reader takes for another type when written plain, and syntax look-alikes. */
    public static final List<String> AMBIGUOUS = List.of(
            "-1", "1", "+1", "0", "007", "1.0", ".5", "-.5", "1.", "1e3", "1E3", "1.5e-3", "6.8523015e+5",
            "0x1F", "0o17", "0b101", "1_000", "12:30", "1:20:30", "-12:30", "190:20:30.15",
            ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
            "2024-01-15", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14",
            "true", "False", "TRUE", "yes", "No", "on", "OFF", "y", "Y", "n", "N",
            "null", "Null", "~", "", "<<", "=",
            " leading space", "trailing space ", "#comment", "a #b", "- item", "key: value", "ends with colon:",
            "*alias", "&anchor", "!tag", "%directive", "@at", "`backtick", "|", ">", "'single'", "\"double\"",
            "[flow]", "{flow}", "? question", "multi\nline\n", "tab\there", "AWS::IAM::Role", "arn:aws:iam::aws:policy/x");

    @Test
    void yaml_ambiguousStrings_readBackAsTheSameStrings() throws Exception {
        // given
        ObjectNode template = JSON.createObjectNode();
        ArrayNode values = template.putObject("Resources").putObject("R").putObject("Properties").putArray("Values");
        AMBIGUOUS.forEach(values::add);
        ObjectNode keyed = template.putObject("Keyed");
        AMBIGUOUS.forEach(s -> keyed.put(s, s));

        // when
        String yaml = NodeYaml.stringify(template);

        // then
        Map<String, Object> read = new Yaml(new LoaderOptions()).load(yaml);
        assertThat(read).isEqualTo(JSON.convertValue(template, Map.class));
    }

    @Test
    void stringify_nestedSequencesAndMappingsInSequences_compactAfterTheDash() throws Exception {
        String yaml = NodeYaml.stringify(JSON.readTree(
                "{\"Fn::Join\": [\"\", [\"arn:\", {\"Ref\": \"AWS::Partition\"}]], \"List\": [{\"A\": 1, \"B\": [2]}]}"));

        assertThat(yaml).isEqualTo("""
                Fn::Join:
                  - ""
                  - - "arn:"
                    - Ref: AWS::Partition
                List:
                  - A: 1
                    B:
                      - 2
                """);
    }

    @Test
    void stringify_multiLineStrings_literalBlocksWithTheirChomping() throws Exception {
        String yaml = NodeYaml.stringify(JSON.readTree(
                "{\"Keep\": \"a\\nb\\n\", \"Strip\": \"a\\nb\", \"More\": \"a\\n\\n\", \"Indented\": \"  x\\ny\\n\"}"));

        assertThat(yaml).isEqualTo("Keep: |\n  a\n  b\nStrip: |-\n  a\n  b\nMore: |+\n  a\n\nIndented: |2\n    x\n  y\n");
    }

    @Test
    void yaml_numbersAndBooleans_stayUnquoted() throws Exception {
        String yaml = NodeYaml.stringify(JSON.readTree("{\"FromPort\": 443, \"Enabled\": true, \"IpProtocol\": \"-1\"}"));

        assertThat(yaml).isEqualTo("FromPort: 443\nEnabled: true\nIpProtocol: \"-1\"\n");
    }

    @Test
    void yaml_longStringsAndLists_notFoldedAndIndentedUnderTheirKey() throws Exception {
        String description = "a description that is much longer than eighty characters and must not be folded by the writer";

        String yaml = NodeYaml.stringify(JSON.readTree("{\"Description\": \"" + description + "\", \"Tags\": [{\"Key\": \"k\"}],"
                + " \"Empty\": [], \"None\": {}}"));

        assertThat(yaml).isEqualTo("Description: " + description + "\nTags:\n  - Key: k\nEmpty: []\nNone: {}\n");
    }
}
