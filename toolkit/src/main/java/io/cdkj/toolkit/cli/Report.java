package io.cdkj.toolkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered explanation printed either as an aligned two-column table or as a JSON object. Values are
 * strings or lists of strings. Not thread-safe (built and printed by one command).
 */
final class Report {

    private record Row(String key, String label, Object value) {
    }

    private final List<Row> rows = new ArrayList<>();

    Report add(String key, String label, String value) {
        rows.add(new Row(key, label, value));
        return this;
    }

    Report addList(String key, String label, List<String> values) {
        rows.add(new Row(key, label, List.copyOf(values)));
        return this;
    }

    void printTable(PrintWriter out) {
        int width = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0) + 2;
        for (Row row : rows) {
            String label = String.format("%-" + width + "s", row.label() + ":");
            if (row.value() instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.println(label + "(none)");
                }
                for (int i = 0; i < list.size(); i++) {
                    out.println((i == 0 ? label : " ".repeat(width)) + list.get(i));
                }
            } else {
                out.println(label + (row.value() == null ? "(unknown)" : row.value()));
            }
        }
    }

    void printJson(PrintWriter out) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        for (Row row : rows) {
            if (row.value() instanceof List<?> list) {
                ArrayNode array = root.putArray(row.key());
                list.forEach(v -> array.add(String.valueOf(v)));
            } else if (row.value() == null) {
                root.putNull(row.key());
            } else {
                root.put(row.key(), String.valueOf(row.value()));
            }
        }
        try {
            out.println(JsonFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }
}
