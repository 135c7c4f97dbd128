package io.cdkj.toolkit.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JsonInput;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.config.NodeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The project's {@code cdk.context.json}: the cache of lookup results. Written as the Node CDK CLI
 * writes it, so a committed file does not churn when a team switches tools: its formatting
 * ({@link NodeJson}, a trailing newline), its key order (the file's own, new keys appended in the
 * order they were looked up), and its mode (kept for an existing file; a new one gets the process's
 * default, {@code 0666} less the umask — usually {@code 644}). Written atomically (temp file +
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

    /** The cached values in the file's order; empty when the file does not exist. */
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
            return (ObjectNode) node;
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
            temp = file.resolveSibling(".cdk.context." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            // newOutputStream creates with 0666 less the umask, as Node does; createTempFile would make it 0600
            Files.writeString(temp, NodeJson.stringify(values) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            keepMode(temp);
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

    /** An existing file keeps its permissions (as when Node rewrites it in place). */
    private void keepMode(Path temp) throws IOException {
        if (Files.exists(file)) {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to keep
            }
        }
    }
}
