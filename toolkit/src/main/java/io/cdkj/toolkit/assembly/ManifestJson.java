package io.cdkj.toolkit.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the optional fields of cloud assembly JSON (manifests, asset manifests) tolerantly: a field that
 * is absent, null, blank or of another type is simply absent. Stateless.
 */
public final class ManifestJson {

    private ManifestJson() {
    }

    /** A scalar field as text; empty when absent, null or blank. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    /** An integer field; empty when absent or not an integer. */
    public static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }

    /** The elements of an array as text (empty for anything else). */
    public static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(v -> result.add(v.asText()));
        return result;
    }

    /** An object's fields as text: strings as they are, other values as JSON. */
    public static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> result = new LinkedHashMap<>();
        object.properties().forEach(e -> result.put(e.getKey(), e.getValue().isTextual()
                ? e.getValue().asText() : e.getValue().toString()));
        return result;
    }
}
