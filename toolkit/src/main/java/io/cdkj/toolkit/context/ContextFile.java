package io.cdkj.toolkit.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's {@code cdk.context.json}: the cache of lookup results. Written pretty-printed with
 * top-level keys sorted, so the file diffs cleanly in version control, and atomically (temp file +
 * rename), so an interrupted synth never leaves a half-written file. Transient values
 * ({@link ContextValues#isTransient}) are never written.
 *
 * <p>Thread-safe: methods are synchronized; the file is re-read before every change so values
 * written by other tools in between are kept.
 */
public final class ContextFile {

    /** The CDK's file name. */
    public static final String FILE_NAME = "cdk.context.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads with the nesting limit: the file is configuration too (the app and plugins see its values). */
    private static final ObjectMapper JSON_INPUT = JsonInput.limitedMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private final Path file;

    public ContextFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** {@code cdk.context.json} in {@code projectDirectory}. */
    public static ContextFile in(Path projectDirectory) {
        return new ContextFile(projectDirectory.resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /** The cached values, keys sorted; empty when the file does not exist. */
    public synchronized ObjectNode load() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON_INPUT.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ToolkitException(ErrorCode.USAGE, file + " must contain a JSON object."
                        + " Fix it or delete it (it is a cache of lookup results).");
            }
            return sorted((ObjectNode) node);
        } catch (JsonProcessingException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot parse " + file + ": " + JsonInput.describe(e)
                    + ". Fix it or delete it (it is a cache of lookup results).", e);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces {@code values} (transient ones skipped) and writes the file. */
    public synchronized void update(Map<String, JsonNode> values) {
        ObjectNode current = load();
        boolean changed = false;
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            if (!ContextValues.isTransient(e.getValue()) && !e.getValue().equals(current.get(e.getKey()))) {
                current.set(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) {
            write(current);
        }
    }

    /** Removes {@code key}; returns whether it was there. */
    public synchronized boolean remove(String key) {
        ObjectNode current = load();
        if (current.remove(key) == null) {
            return false;
        }
        write(current);
        return true;
    }

    /** Removes every cached value. */
    public synchronized void clear() {
        write(JSON.createObjectNode());
    }

    private void write(ObjectNode values) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), ".cdk.context.", ".tmp");
            Files.writeString(temp, PRETTY.writeValueAsString(sorted(values)) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot write " + file + ": " + e.getMessage()
                    + ". Check that the project directory is writable.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // already moved or unremovable; harmless
                }
            }
        }
    }

    private static ObjectNode sorted(ObjectNode values) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        values.properties().forEach(e -> byKey.put(e.getKey(), e.getValue()));
        ObjectNode result = JSON.createObjectNode();
        byKey.forEach(result::set);
        return result;
    }
}
