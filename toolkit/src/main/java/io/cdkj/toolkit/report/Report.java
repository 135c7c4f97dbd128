package io.cdkj.toolkit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.UntrustedText;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered explanation printed either as an aligned two-column table (each value on one line, see
 * {@link UntrustedText}) or as a JSON object. Values are strings or lists of strings. Not thread-safe
 * (built and printed by one command).
 */
public final class Report {

    private record Row(String key, String label, Object value) {
    }

    /** A value that is absent: {@code text} in the table, {@code null} in JSON. */
    private record Absent(String text) {
    }

    private final List<Row> rows = new ArrayList<>();

    public Report add(String key, String label, String value) {
        rows.add(new Row(key, label, value));
        return this;
    }

    /** A row whose value is absent: the table shows {@code text}, JSON shows {@code null}. */
    public Report addAbsent(String key, String label, String text) {
        rows.add(new Row(key, label, new Absent(text)));
        return this;
    }

    public Report addList(String key, String label, List<String> values) {
        rows.add(new Row(key, label, List.copyOf(values)));
        return this;
    }

    public void printTable(PrintWriter out) {
        printTable(out, "");
    }

    /** The table with every line prefixed by {@code indent}. */
    public void printTable(PrintWriter out, String indent) {
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0) + 2;
        for (Row row : rows) {
            String label = String.format("%-" + width + "s", row.label() + ":");
            if (row.value() instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.println(indent + label + "(none)");
                }
                for (int i = 0; i < list.size(); i++) {
                    out.println(indent + (i == 0 ? label : " ".repeat(width)) + cell(list.get(i)));
                }
            } else if (row.value() instanceof Absent absent) {
                out.println(indent + label + absent.text());
            } else {
                out.println(indent + label + (row.value() == null ? "(unknown)" : cell(row.value())));
            }
        }
    }

    /** A value on one line: values quote plugins and AWS, which may write anything. */
    private static String cell(Object value) {
        return UntrustedText.message(String.valueOf(value));
    }

    public void printJson(PrintWriter out) {
        print(toJson(), out);
    }

    /** Prints {@code json} pretty-printed. */
    public static void print(ObjectNode json, PrintWriter out) {
        try {
            out.println(JsonFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }

    /** The rows as one JSON object: strings, arrays of strings, or null for unknown values. */
    public ObjectNode toJson() {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        for (Row row : rows) {
            if (row.value() instanceof List<?> list) {
                ArrayNode array = root.putArray(row.key());
                list.forEach(v -> array.add(String.valueOf(v)));
            } else if (row.value() == null || row.value() instanceof Absent) {
                root.putNull(row.key());
            } else {
                root.put(row.key(), String.valueOf(row.value()));
            }
        }
        return root;
    }
}
