package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.config.NodeJson;
import java.io.IOException;

/**
 * Renders a stack's template for {@code cdkj synth STACK} as the Node CDK CLI does: YAML (block
 * style, sequences indented under their key, no line folding, every string that a YAML 1.1 reader
 * would take for another type quoted — see {@link YamlQuoting}) or, with {@code --json}, the
 * formatting of {@code JSON.stringify(template, undefined, 2)}. Stateless.
 */
public final class Templates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new YamlQuoting())
            .build());

    private Templates() {
    }

    public static String render(StackArtifact stack, boolean json) {
        try {
            JsonNode template = JSON.readTree(stack.templateFile().toFile());
            return json ? NodeJson.stringify(template) : yaml(template);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot read the template of " + stack.displayName() + ": "
                    + stack.templateFile() + " (" + JsonInput.describe(e) + "). Delete the output directory and synthesize again.",
                    e);
        }
    }

    /** {@code template} as YAML, without a trailing newline. */
    static String yaml(JsonNode template) throws IOException {
        return YAML.writeValueAsString(template).stripTrailing();
    }
}
