package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.config.NodeJson;
import io.cdkj.toolkit.config.NodeYaml;
import java.io.IOException;

/**
 * Renders a stack's template for {@code cdkj synth STACK} as the Node CDK CLI does: YAML
 * ({@link NodeYaml}) or, with {@code --json}, {@code JSON.stringify(template, undefined, 2)}
 * ({@link NodeJson}), without the bootstrap version check rule. Stateless.
 */
public final class Templates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {
    }

    /** The text to print for {@code stack}; YAML ends in a newline, so the printed template ends with an empty line. */
    public static String render(StackArtifact stack, boolean json) {
        try {
            JsonNode template = withoutBootstrapCheck(JSON.readTree(stack.templateFile().toFile()));
            return json ? NodeJson.stringify(template) : NodeYaml.stringify(template);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot read the template of " + stack.displayName() + ": "
                    + stack.templateFile() + " (" + JsonInput.describe(e) + "). Delete the output directory and synthesize again.",
                    e);
        }
    }

    private static JsonNode withoutBootstrapCheck(JsonNode template) {
        if (template.path("Rules").has("CheckBootstrapVersion") && template instanceof ObjectNode object) {
            if (template.get("Rules").size() > 1) {
                ((ObjectNode) template.get("Rules")).remove("CheckBootstrapVersion");
            } else {
                object.remove("Rules");
            }
        }
        return template;
    }
}
