package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders CloudFormation intrinsics the way the security table shows them: {@code {"Ref": "Role"}} is
 * {@code ${Role}}, {@code {"Fn::GetAtt": ["Role", "Arn"]}} is {@code ${Role.Arn}}, an
 * {@code Fn::Join} of such parts is the joined string, any other function is its compact JSON, and
 * {@code {"Ref": "AWS::NoValue"}} disappears.
 *
 * <p>Stateless and thread-safe.
 */
final class Intrinsics {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Intrinsics() {
    }

    /** {@code value} with every intrinsic rendered; {@code null} when it is {@code AWS::NoValue}. */
    static JsonNode render(JsonNode value) {
        if (value == null || isNoValue(value)) {
            return null;
        }
        if (value.isArray()) {
            ArrayNode rendered = NODES.arrayNode();
            for (JsonNode element : value) {
                if (!isNoValue(element)) {
                    rendered.add(render(element));
                }
            }
            return rendered;
        }
        if (!value.isObject()) {
            return value;
        }
        if (value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            String function = only.getKey();
            JsonNode args = only.getValue();
            if (function.equals("Ref")) {
                return TextNode.valueOf("${" + args.asText() + "}");
            }
            if (function.equals("Fn::GetAtt")) {
                return TextNode.valueOf("${" + (args.isArray() ? args.path(0).asText() + "." + args.path(1).asText()
                        : args.asText()) + "}");
            }
            if (function.equals("Fn::Join") && args.isArray() && args.path(1).isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode part : args.get(1)) {
                    if (!isNoValue(part)) {
                        JsonNode rendered = render(part);
                        parts.add(rendered.isTextual() ? rendered.textValue() : compact(rendered));
                    }
                }
                return TextNode.valueOf(String.join(args.get(0).asText(), parts));
            }
            if (function.startsWith("Fn::")) {
                ObjectNode call = NODES.objectNode();
                JsonNode renderedArgs = render(args);
                call.set(function, renderedArgs == null ? NODES.nullNode() : renderedArgs);
                return TextNode.valueOf(compact(call));
            }
        }
        ObjectNode rendered = NODES.objectNode();
        value.properties().forEach(e -> {
            if (!isNoValue(e.getValue())) {
                rendered.set(e.getKey(), render(e.getValue()));
            }
        });
        return rendered;
    }

    private static boolean isNoValue(JsonNode value) {
        return value.isObject() && value.size() == 1 && "AWS::NoValue".equals(value.path("Ref").textValue());
    }

    static String compact(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
