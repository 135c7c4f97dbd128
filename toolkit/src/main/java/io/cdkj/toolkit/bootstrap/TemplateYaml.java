package io.cdkj.toolkit.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads a CloudFormation template written in YAML (or JSON) into the tree CloudFormation means, with
 * the short-form function tags turned into their long form: {@code !Ref X} → {@code {"Ref": "X"}},
 * {@code !Condition C} → {@code {"Condition": "C"}}, {@code !GetAtt R.A} → {@code {"Fn::GetAtt": ["R", "A"]}},
 * and every other {@code !Name v} → {@code {"Fn::Name": v}}. A plain YAML reader drops the tags and
 * with them the meaning. Stateless.
 */
final class TemplateYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TemplateYaml() {
    }

    /** The template as a tree; an empty document is {@code null}. */
    static JsonNode read(String text) throws IOException {
        try (JsonParser parser = YAML.createParser(text)) {
            return parser.nextToken() == null ? null : value(parser);
        }
    }

    /** The tree as compact JSON, what CloudFormation receives. */
    static String json(JsonNode template) {
        try {
            return JSON.writeValueAsString(template);
        } catch (IOException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }

    /** The value at the parser's current token, with its tag applied. */
    private static JsonNode value(JsonParser parser) throws IOException {
        String tag = parser.getTypeId() == null ? null : parser.getTypeId().toString();
        JsonNode plain = untagged(parser);
        return tag == null ? plain : function(tag, plain);
    }

    private static JsonNode untagged(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        }
    }

    private static JsonNode function(String tag, JsonNode argument) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        ObjectNode function = NODES.objectNode();
        switch (name) {
            case "Ref", "Condition" -> function.set(name, argument);
            case "GetAtt" -> {
                if (argument.isTextual() && argument.textValue().contains(".")) {
                    String text = argument.textValue();
                    int dot = text.indexOf('.');
                    function.set("Fn::GetAtt", NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1)));
                } else {
                    function.set("Fn::GetAtt", argument);
                }
            }
            default -> function.set("Fn::" + name, argument);
        }
        return function;
    }
}
