package io.cdkj.toolkit.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML text exactly as the Node CDK CLI writes it ({@code cdk synth STACK}, {@code cdk ls --long}):
 * block style, sequences indented under their key, no line folding, JavaScript's key order and number
 * formatting, and a string written plain only when it reads back as the same string — otherwise
 * double quoted (single quoted when it holds {@code "} but no {@code '}), and multi-line strings as
 * literal blocks ({@code |}, {@code |-}, {@code |+}). A string is quoted when YAML syntax requires it or
 * when a YAML 1.1 reader (the schema the Node CLI writes with; SnakeYAML, PyYAML) would take it for
 * another type: null, booleans ({@code y}, {@code on}, ...), integers (also {@code 007},
 * {@code 0x1F}, {@code 1_000}, {@code 12:30}), floats ({@code 1.0}, {@code .5}, {@code 1e3},
 * {@code .inf}) and timestamps. Unlike the Node CLI, {@code <<} and {@code =} are quoted too (a YAML 1.1
 * reader takes them for the merge and value keys).
 *
 * <p>Stateless and thread-safe.
 */
public final class NodeYaml {

    private static final String STEP = "  ";

    private static final List<Pattern> OTHER_TYPES = List.of(
            Pattern.compile("~|[Nn]ull|NULL|<<|="),
            Pattern.compile("Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON|N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF"),
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+"),
            Pattern.compile("[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN"),
            Pattern.compile("[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*"),
            Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"),
            Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \\t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\\.[0-9]+)?"
                    + "(?:[ \\t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?"));
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("(?m)^(?:%|---|\\.\\.\\.)");
    private static final Pattern NEEDS_ESCAPES = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]");
    private static final Pattern NEWLINES = Pattern.compile("\n+");

    private NodeYaml() {
    }

    /** {@code node} as a YAML document, ending in a newline. */
    public static String stringify(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (node.isObject() && !node.isEmpty()) {
            mapping(node, "", out);
        } else if (node.isArray() && !node.isEmpty()) {
            sequence(node, "", out);
        } else {
            out.append(scalar(node, STEP)).append('\n');
        }
        return out.toString();
    }

    private static void mapping(JsonNode object, String indent, StringBuilder out) {
        for (Map.Entry<String, JsonNode> field : NodeJson.jsOrder(object)) {
            out.append(indent).append(string(field.getKey(), true, indent + STEP)).append(':');
            value(field.getValue(), indent, false, out);
        }
    }

    private static void sequence(JsonNode array, String indent, StringBuilder out) {
        for (JsonNode item : array) {
            out.append(indent).append('-');
            value(item, indent, true, out);
        }
    }

    /**
     * The rest of a line after {@code key:} or (in a sequence) {@code -}, and what follows it: a nested
     * collection starts on the next line under a key, on the same line after a dash.
     */
    private static void value(JsonNode value, String indent, boolean inSequence, StringBuilder out) {
        String inner = indent + STEP;
        if ((value.isObject() || value.isArray()) && !value.isEmpty()) {
            StringBuilder nested = new StringBuilder();
            if (value.isObject()) {
                mapping(value, inner, nested);
            } else {
                sequence(value, inner, nested);
            }
            if (inSequence) {
                out.append(' ').append(nested, inner.length(), nested.length());
            } else {
                out.append('\n').append(nested);
            }
        } else {
            out.append(' ').append(scalar(value, inner)).append('\n');
        }
    }

    private static String scalar(JsonNode value, String indent) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        if (value.isTextual()) {
            return string(value.textValue(), false, indent);
        }
        if (value.isNumber()) {
            return NodeJson.number(value.doubleValue());
        }
        if (value.isBoolean()) {
            return String.valueOf(value.booleanValue());
        }
        return "null";
    }

    /** A string as a key ({@code key}) or a value whose continuation lines are indented by {@code indent}. */
    static String string(String value, boolean key, String indent) {
        if (NEEDS_ESCAPES.matcher(value).find() || hasLoneSurrogate(value)) {
            return doubleQuoted(value, key, indent);
        }
        boolean multiLine = value.indexOf('\n') >= 0;
        if (key && multiLine) {
            return quoted(value, true, indent);
        }
        if (!plainSyntax(value)) {
            return key || !multiLine ? quoted(value, key, indent) : block(value, key, indent);
        }
        if (multiLine) {
            return block(value, false, indent);
        }
        if (key && indent.equals(STEP) && DOCUMENT_MARKER.matcher(value).find()) {
            return quoted(value, true, indent);
        }
        for (Pattern type : OTHER_TYPES) {
            if (type.matcher(value).matches()) {
                return quoted(value, key, indent);
            }
        }
        return value;
    }

    /** Whether YAML's grammar lets {@code value} stand unquoted in block context. */
    private static boolean plainSyntax(String value) {
        if (value.isEmpty() || "\n\t ,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        char first = value.charAt(0);
        if ((first == '?' || first == '-') && (value.length() == 1 || value.charAt(1) == ' ' || value.charAt(1) == '\t')) {
            return false;
        }
        char last = value.charAt(value.length() - 1);
        if (last == '\n' || last == '\t' || last == ' ' || last == ':') {
            return false;
        }
        for (int i = 0; i + 1 < value.length(); i++) {
            char c = value.charAt(i);
            char next = value.charAt(i + 1);
            boolean blank = next == ' ' || next == '\t';
            if ((c == '\n' || c == ':') && blank || (c == ' ' || c == '\t') && next == '\n'
                    || (c == '\n' || c == '\t' || c == ' ') && next == '#') {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String value, boolean key, String indent) {
        boolean hasDouble = value.indexOf('"') >= 0;
        boolean hasSingle = value.indexOf('\'') >= 0;
        return hasDouble && !hasSingle ? singleQuoted(value, key, indent) : doubleQuoted(value, key, indent);
    }

    private static String singleQuoted(String value, boolean key, String indent) {
        if (key && value.indexOf('\n') >= 0 || Pattern.compile("[ \\t]\n|\n[ \\t]").matcher(value).find()) {
            return doubleQuoted(value, key, indent);
        }
        return "'" + NEWLINES.matcher(value.replace("'", "''")).replaceAll(m -> Matcher.quoteReplacement(m.group() + "\n" + indent)) + "'";
    }

    /** JSON's escapes, YAML's short forms for some control characters, and long strings' newlines as line breaks. */
    private static String doubleQuoted(String value, boolean key, String indent) {
        String json = NodeJson.quote(value);
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == ' ' && at(json, i + 1) == '\\' && at(json, i + 2) == 'n') {
                out.append(json, start, i).append("\\ ");
                i++;
                start = i;
                c = '\\';
            }
            if (c != '\\') {
                continue;
            }
            char escape = at(json, i + 1);
            if (escape == 'u') {
                out.append(json, start, i).append(shortEscape(json.substring(i + 2, i + 6)));
                i += 5;
                start = i + 1;
            } else if (escape == 'n' && !(key || at(json, i + 2) == '"' || json.length() < 40)) {
                out.append(json, start, i).append("\n\n");
                while (at(json, i + 2) == '\\' && at(json, i + 3) == 'n' && at(json, i + 4) != '"') {
                    out.append('\n');
                    i += 2;
                }
                out.append(indent);
                if (at(json, i + 2) == ' ') {
                    out.append('\\');
                }
                i++;
                start = i + 1;
            } else {
                i++;
            }
        }
        return start == 0 ? json : out.append(json, start, json.length()).toString();
    }

    private static String shortEscape(String hex) {
        return switch (hex) {
            case "0000" -> "\\0";
            case "0007" -> "\\a";
            case "000b" -> "\\v";
            case "001b" -> "\\e";
            default -> hex.startsWith("00") ? "\\x" + hex.substring(2) : "\\u" + hex;
        };
    }

    /** A literal block ({@code |}), chomping and indentation indicators as needed. */
    private static String block(String value, boolean key, String indent) {
        if (Pattern.compile("\n[\\t ]+\\z").matcher(value).find()) {
            return quoted(value, key, indent);
        }
        int endStart = value.length();
        while (endStart > 0 && "\n\t ".indexOf(value.charAt(endStart - 1)) >= 0) {
            endStart--;
        }
        String end = value.substring(endStart);
        int endNewline = end.indexOf('\n');
        String chomp = endNewline < 0 ? "-" : value.equals(end) || endNewline != end.length() - 1 ? "+" : "";
        String body = value;
        if (!end.isEmpty()) {
            body = value.substring(0, endStart);
            String trimmed = end.endsWith("\n") ? end.substring(0, end.length() - 1) : end;
            end = Pattern.compile("\n+(?!\n|\\z)").matcher(trimmed).replaceAll(m -> Matcher.quoteReplacement(m.group() + indent));
        }
        boolean startsWithSpace = false;
        int leading = 0;
        int lastLeadingNewline = -1;
        for (; leading < body.length(); leading++) {
            char c = body.charAt(leading);
            if (c == ' ') {
                startsWithSpace = true;
            } else if (c == '\n') {
                lastLeadingNewline = leading;
            } else {
                break;
            }
        }
        String start = body.substring(0, lastLeadingNewline + 1);
        if (!start.isEmpty()) {
            body = body.substring(start.length());
            start = NEWLINES.matcher(start).replaceAll(m -> Matcher.quoteReplacement(m.group() + indent));
        }
        String header = (startsWithSpace ? (indent.isEmpty() ? "1" : "2") : "") + chomp;
        return "|" + header + "\n" + indent + start + NEWLINES.matcher(body).replaceAll(m -> Matcher.quoteReplacement(m.group() + indent)) + end;
    }

    private static char at(String text, int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
