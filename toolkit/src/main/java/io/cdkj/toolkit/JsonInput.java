package io.cdkj.toolkit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.plugin.Configuration;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * How the toolkit reads JSON that others wrote (configuration files, manifests, templates): documents
 * nested deeper than {@link Configuration#MAX_NESTING_DEPTH} are refused while parsing, so no
 * recursive reader downstream (the plugin SPI, Jackson's own conversions, the app) can overflow its
 * stack; and parse errors are described on one line, without the parts of Jackson's messages that do
 * not belong in one.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonInput {

    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '[^']*'");
    /** How Jackson names the setting of a limit, e.g. {@code , from `StreamReadConstraints.getMaxNestingDepth()`}. */
    private static final Pattern JACKSON_SETTING = Pattern.compile(",? from `[^`]*`");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source:[^\\]]*\\]\\)?");

    private JsonInput() {
    }

    /** A new mapper whose parser refuses documents nested deeper than the limit; configure it once, then share it. */
    public static ObjectMapper limitedMapper() {
        return new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Configuration.MAX_NESTING_DEPTH).build())
                .build());
    }

    /**
     * A read error for a one-line message. For a parse error: Jackson's own description without its
     * {@code at [Source: …]} line, the names of its settings, and the echo of an unrecognized token (the
     * start of a file that is not JSON at all, which may be anything, a secret included), plus the line
     * and column. Other I/O errors give their message.
     */
    public static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return String.valueOf(e.getMessage());
        }
        String original = String.valueOf(json.getOriginalMessage());
        String withoutToken = UNRECOGNIZED_TOKEN.matcher(original).replaceAll("Unrecognized token");
        String withoutSource = SOURCE.matcher(withoutToken).replaceAll("");
        String withoutInternals = JACKSON_SETTING.matcher(withoutSource).replaceAll("");
        return withoutInternals.strip() + location(json);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
