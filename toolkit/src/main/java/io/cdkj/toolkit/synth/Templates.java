package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.StackArtifact;
import java.io.IOException;

/** Renders a stack's template for {@code cdkj synth STACK}: YAML (as the CDK CLI) or JSON. Stateless. */
public final class Templates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private Templates() {
    }

    public static String render(StackArtifact stack, boolean json) {
        try {
            JsonNode template = JSON.readTree(stack.templateFile().toFile());
            return json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(template)
                    : YAML.writeValueAsString(template).stripTrailing();
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot read the template of " + stack.displayName() + ": "
                    + stack.templateFile() + " (" + JsonInput.describe(e) + "). Delete the output directory and synthesize again.",
                    e);
        }
    }
}
