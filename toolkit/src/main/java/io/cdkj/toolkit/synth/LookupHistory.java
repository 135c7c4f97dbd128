package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last synth of a project looked up — its {@code missing} entries, in
 * {@code <output>/.cdkj/lookups.json} next to the cloud assembly — so the next synth can predict its
 * lookups before the app has run: an entry looked up last time whose key is no longer in the context
 * (the context was cleared or reset) will almost surely be asked for again. A cache: unreadable or
 * absent, it predicts nothing; it never fails a synth.
 *
 * <p>Stateless and thread-safe.
 */
final class LookupHistory {

    static final String FILE = ".cdkj/lookups.json";

    private static final Logger LOG = LoggerFactory.getLogger(LookupHistory.class);
    /** A looked-up value's key names its account: {@code ssm:account=111111111111:parameterName=...}. */
    private static final Pattern LOOKUP_KEY = Pattern.compile(":account=\\d{12}(:|$)");

    private LookupHistory() {
    }

    /** The entries the last synth in {@code outputDirectory} looked up whose keys {@code context} lacks. */
    static List<MissingContext> predict(Path outputDirectory, ObjectNode context) {
        return read(outputDirectory).stream().filter(m -> !context.has(m.key())).toList();
    }

    /** Whether nothing is known: no history, and no looked-up value in {@code context} either (a first synth). */
    static boolean unknown(Path outputDirectory, ObjectNode context) {
        if (Files.exists(outputDirectory.resolve(FILE))) {
            return false;
        }
        for (var names = context.fieldNames(); names.hasNext(); ) {
            if (LOOKUP_KEY.matcher(names.next()).find()) {
                return false;
            }
        }
        return true;
    }

    /** Records {@code missing} as this synth's lookups (when there were any). */
    static void write(Path outputDirectory, Collection<MissingContext> missing) {
        if (missing.isEmpty()) {
            return;
        }
        Map<String, MissingContext> byKey = new LinkedHashMap<>();
        missing.forEach(m -> byKey.putIfAbsent(m.key(), m));
        ArrayNode entries = JsonFiles.MAPPER.createArrayNode();
        byKey.values().forEach(m -> entries.addObject().put("key", m.key()).put("provider", m.provider())
                .set("props", m.props()));
        Path file = outputDirectory.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "lookups", ".tmp");
            Files.writeString(temp, JsonFiles.MAPPER.writeValueAsString(
                    JsonFiles.MAPPER.createObjectNode().set("missing", entries)));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Could not record the lookups in {}", file, e);
        }
    }

    private static List<MissingContext> read(Path outputDirectory) {
        Path file = outputDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<MissingContext> entries = new ArrayList<>();
            for (JsonNode entry : JsonFiles.MAPPER.readTree(file.toFile()).path("missing")) {
                if (entry.path("key").isTextual() && entry.path("provider").isTextual() && entry.path("props").isObject()) {
                    entries.add(new MissingContext(entry.get("key").asText(), entry.get("provider").asText(),
                            (ObjectNode) entry.get("props")));
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Ignoring the lookup history {}", file, e);
            return List.of();
        }
    }
}
