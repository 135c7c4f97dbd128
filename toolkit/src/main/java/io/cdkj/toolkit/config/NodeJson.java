package io.cdkj.toolkit.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON text exactly as Node.js's {@code JSON.stringify(value, undefined, 2)} writes it, which is how
 * the Node CDK CLI writes {@code cdk.context.json}, {@code --outputs-file} and {@code --json} output:
 * two-space indentation, {@code "key": value}, {@code []} and {@code {}} for empty containers,
 * JavaScript's string escapes and number formatting ({@code 1.0} is {@code 1}, {@code 1e21} is
 * {@code 1e+21}), and JavaScript's property order (integer-like keys first, ascending, then the
 * others in insertion order). Files the two tools write therefore do not churn when a team switches.
 *
 * <p>Stateless and thread-safe.
 */
public final class NodeJson {

    private static final long MAX_ARRAY_INDEX = 4294967294L;

    private NodeJson() {
    }

    /** {@code JSON.stringify(node, undefined, 2)}, without a trailing newline. */
    public static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = jsOrder(node);
            if (fields.isEmpty()) {
                out.append("{}");
                return;
            }
            String inner = indent + "  ";
            out.append("{\n");
            for (int i = 0; i < fields.size(); i++) {
                out.append(inner);
                string(fields.get(i).getKey(), out);
                out.append(": ");
                write(fields.get(i).getValue(), inner, out);
                out.append(i < fields.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            String inner = indent + "  ";
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), inner, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isBinary()) {
            string(node.asText(), out);
        } else {
            out.append("null");
        }
    }

    /** The fields of {@code object} in JavaScript's property order. */
    static List<Map.Entry<String, JsonNode>> jsOrder(JsonNode object) {
        List<Map.Entry<String, JsonNode>> indices = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
        object.properties().forEach(e -> (arrayIndex(e.getKey()) >= 0 ? indices : others).add(e));
        indices.sort(Comparator.comparingLong(e -> arrayIndex(e.getKey())));
        indices.addAll(others);
        return indices;
    }

    /** The key as a canonical array index (what JavaScript orders first), or -1. */
    private static long arrayIndex(String key) {
        if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= MAX_ARRAY_INDEX ? value : -1;
    }

    /** {@code text} as {@code JSON.stringify} writes a string, quotes included. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        string(text, out);
        return out.toString();
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** JavaScript's {@code Number.prototype.toString()} of {@code value}; non-finite numbers are {@code null}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits × 10^n
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
