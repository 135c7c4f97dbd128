package io.cdkj.toolkit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.plugin.Configuration;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the toolkit's JSON configuration files (strict JSON, like the CDK CLI) and turns JSON into the
 * plain Java values the plugin SPI's {@link Configuration} holds. Documents nested deeper than
 * {@link Configuration#MAX_NESTING_DEPTH} are refused while parsing ({@link JsonInput}). Thread-safe.
 */
public final class JsonFiles {

    /**
     * Shared, configured once ({@link ObjectMapper} is thread-safe after configuration), with the
     * nesting limit.
     */
    public static final ObjectMapper MAPPER = JsonInput.limitedMapper();

    private JsonFiles() {
    }

    /**
     * The top-level object of {@code file}; empty when the file does not exist.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the file and the JSON error when it is
     *     malformed, not an object, or unreadable
     */
    public static Optional<ObjectNode> readObject(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Invalid JSON in " + file + ": " + JsonInput.describe(e)
                    + ". Fix the file or remove it.", e);
        }
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ToolkitException(ErrorCode.USAGE, "Invalid " + file + ": expected a JSON object at the top level,"
                    + " found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return Optional.of(object);
    }

    /** The fields of a JSON object as plain Java values (String, Number, Boolean, List, Map); nulls kept. */
    public static Map<String, Object> toMap(ObjectNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), toValue(field.getValue())));
        return values;
    }

    /** One JSON value as a plain Java value; JSON null as Java null. */
    public static Object toValue(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

}
