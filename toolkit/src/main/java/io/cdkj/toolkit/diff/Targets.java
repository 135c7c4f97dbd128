package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources, actions or principals of an IAM statement: the values of {@code Resource} (or of
 * {@code NotResource}, then {@link #not()}), flattened to strings — an array element is its values
 * joined by commas, an object such as {@code {"Service": "s3.amazonaws.com"}} gives
 * {@code Service:s3.amazonaws.com} — and sorted, so equal sets compare equal.
 *
 * <p>Immutable.
 *
 * @param not    whether the statement used the negative key ({@code NotAction}, ...)
 * @param values the flattened values, sorted
 */
record Targets(boolean not, List<String> values) {

    Targets {
        values = values.stream().sorted().toList();
    }

    /** The targets of {@code statement} under {@code positive} or, when present, {@code negative}. */
    static Targets of(JsonNode statement, String positive, String negative) {
        if (statement.has(negative)) {
            return new Targets(true, strings(statement.get(negative)));
        }
        return new Targets(false, strings(statement.get(positive)));
    }

    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isTextual()) {
            out.add(value.textValue());
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                out.add(String.join(",", strings(element)));
            }
        } else if (value.isObject()) {
            value.properties().forEach(e -> strings(e.getValue()).forEach(s -> out.add(e.getKey() + ":" + s)));
        } else {
            out.add(value.asText());
        }
        return out;
    }

    /** These targets, or just {@code replacement} when there are none. */
    Targets orIfEmpty(String replacement) {
        return values.isEmpty() ? new Targets(not, List.of(replacement)) : this;
    }

    /** These targets with a {@code *} replaced by {@code replacement}. */
    Targets starReplacedBy(String replacement) {
        return new Targets(not, values.stream().map(v -> v.equals("*") ? replacement : v).toList());
    }

    /** One value per line, each prefixed with {@code NOT } for negative targets. */
    String render() {
        return String.join("\n", not ? values.stream().map(v -> "NOT " + v).toList() : values);
    }
}
