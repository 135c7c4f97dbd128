package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.config.NodeJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders what deploying a template would change, in the Node CDK CLI's {@code cdk diff} layout:
 * sections ({@code Parameters}, {@code Resources}, {@code Outputs}, ...), one {@code [+]}/{@code [-]}/{@code [~]}
 * line per entry (a resource with its type, construct path and logical id), and for a changed resource
 * a tree of the properties that differ, down to the values — a JSON value as a line diff with
 * {@code contextLines} lines of context. Unless {@code strict}, the {@code AWS::CDK::Metadata} resource
 * and the bootstrap version rule are left out, as the Node CLI does.
 *
 * <p>Stateless and thread-safe.
 */
public final class TemplateChanges {

    private static final List<String> TEMPLATE_KEYS = List.of("AWSTemplateFormatVersion", "Transform", "Description");
    private static final List<String[]> SECTIONS = List.of(new String[] {"Parameters", "Parameter"},
            new String[] {"Metadata", "Metadata"}, new String[] {"Mappings", "Mapping"},
            new String[] {"Conditions", "Condition"}, new String[] {"Resources", "Resource"},
            new String[] {"Outputs", "Output"});

    private TemplateChanges() {
    }

    /** The rendering: the lines, and how many entries differ (0: "There were no differences"). */
    public record Rendering(List<String> lines, int differences) {
        public Rendering {
            lines = List.copyOf(lines);
        }
    }

    /** The changes from {@code deployed} (missing when the stack is new) to {@code proposed}. */
    public static Rendering render(JsonNode deployed, JsonNode proposed, int contextLines, boolean strict) {
        return render(deployed, proposed, contextLines, strict, Map.of());
    }

    /**
     * Like {@link #render(JsonNode, JsonNode, int, boolean)}, with what a change set said about each
     * changed resource ({@code replace}, {@code may be replaced}) after its line.
     */
    public static Rendering render(JsonNode deployed, JsonNode proposed, int contextLines, boolean strict,
            Map<String, String> impacts) {
        JsonNode before = comparable(deployed, strict);
        JsonNode after = comparable(proposed, strict);
        Map<String, String> paths = SecurityTable.paths(before);
        paths.putAll(SecurityTable.paths(after));
        List<String> lines = new ArrayList<>();
        int differences = 0;
        List<String> template = new ArrayList<>();
        for (String key : TEMPLATE_KEYS) {
            differences += entry(key, key, before.path(key), after.path(key), template);
        }
        section("Template", template, lines);
        for (String[] section : SECTIONS) {
            List<String> entries = new ArrayList<>();
            JsonNode was = before.path(section[0]);
            JsonNode now = after.path(section[0]);
            for (String kind : List.of("-", "+", "~")) {
                for (String id : ids(was, now)) {
                    JsonNode a = was.path(id);
                    JsonNode b = now.path(id);
                    String change = a.isMissingNode() ? "+" : b.isMissingNode() ? "-" : a.equals(b) ? "" : "~";
                    if (change.equals(kind)) {
                        differences++;
                        if (section[0].equals("Resources")) {
                            resource(id, a, b, paths, impacts, contextLines, entries);
                        } else {
                            entry(section[1], id, a, b, entries);
                        }
                    }
                }
            }
            section(section[0], entries, lines);
        }
        List<String> others = new ArrayList<>();
        for (String key : ids(before, after)) {
            if (!TEMPLATE_KEYS.contains(key) && SECTIONS.stream().noneMatch(s -> s[0].equals(key))) {
                differences += entry("Unknown", key, before.path(key), after.path(key), others);
            }
        }
        section("Other Changes", others, lines);
        return new Rendering(lines, differences);
    }

    /** The template without what the Node CLI leaves out of a diff unless {@code --strict}. */
    static JsonNode comparable(JsonNode template, boolean strict) {
        if (template == null || !template.isObject()) {
            return MissingNode.getInstance();
        }
        ObjectNode copy = template.deepCopy();
        if (strict) {
            return copy;
        }
        if (copy.get("Resources") instanceof ObjectNode resources) {
            List<String> metadata = new ArrayList<>();
            resources.properties().forEach(e -> {
                if ("AWS::CDK::Metadata".equals(e.getValue().path("Type").textValue())) {
                    metadata.add(e.getKey());
                }
            });
            resources.remove(metadata);
        }
        if (copy.get("Rules") instanceof ObjectNode rules && rules.has("CheckBootstrapVersion")) {
            rules.remove("CheckBootstrapVersion");
            if (rules.isEmpty()) {
                copy.remove("Rules");
            }
        }
        return copy;
    }

    private static void section(String title, List<String> entries, List<String> lines) {
        if (!entries.isEmpty()) {
            lines.add(title);
            lines.addAll(entries);
            lines.add("");
        }
    }

    /** {@code [+] Output VpcId: {...}}; returns 1 when the entry differs. */
    private static int entry(String type, String id, JsonNode was, JsonNode now, List<String> out) {
        if (was.equals(now)) {
            return 0;
        }
        String value = was.isMissingNode() ? text(now) : now.isMissingNode() ? text(was) : text(was) + " to " + text(now);
        out.add(tag(was, now) + " " + type + " " + id + ": " + value);
        return 1;
    }

    private static void resource(String id, JsonNode was, JsonNode now, Map<String, String> paths,
            Map<String, String> impacts, int context, List<String> out) {
        JsonNode shown = now.isMissingNode() ? was : now;
        StringBuilder line = new StringBuilder(tag(was, now)).append(' ').append(shown.path("Type").asText("?"))
                .append(' ').append(paths.containsKey(id) ? paths.get(id) + " " + id : id);
        if (now.isMissingNode()) {
            line.append(was.path("DeletionPolicy").asText().equals("Retain") ? " orphan" : " destroy");
        } else if (impacts.containsKey(id)) {
            line.append(' ').append(impacts.get(id));
        }
        out.add(line.toString());
        if (was.isMissingNode() || now.isMissingNode()) {
            return;
        }
        List<String[]> changed = new ArrayList<>();
        JsonNode oldProperties = was.path("Properties");
        JsonNode newProperties = now.path("Properties");
        for (String key : sorted(ids(oldProperties, newProperties))) {
            if (!oldProperties.path(key).equals(newProperties.path(key))) {
                changed.add(new String[] {"Properties", key});
            }
        }
        for (String key : sorted(ids(was, now))) {
            if (!key.equals("Properties") && !was.path(key).equals(now.path(key))) {
                changed.add(new String[] {"", key});
            }
        }
        for (int i = 0; i < changed.size(); i++) {
            boolean last = i == changed.size() - 1;
            String[] change = changed.get(i);
            JsonNode a = change[0].isEmpty() ? was.path(change[1]) : oldProperties.path(change[1]);
            JsonNode b = change[0].isEmpty() ? now.path(change[1]) : newProperties.path(change[1]);
            out.add(" " + (last ? "└" : "├") + "─ " + tag(a, b) + " " + change[1]);
            values(a, b, " " + (last ? " " : "│"), context, out);
        }
    }

    /** The tree below a changed value: its changed keys, down to the values that differ. */
    private static void values(JsonNode a, JsonNode b, String prefix, int context, List<String> out) {
        boolean objects = a.isObject() && b.isObject();
        if (!objects) {
            if (!a.isMissingNode() && !b.isMissingNode()) {
                if (a.isContainerNode() || b.isContainerNode()) {
                    List<String> lines = jsonDiff(a, b, context);
                    for (int i = 0; i < lines.size(); i++) {
                        out.add(prefix + "   " + (i == 0 ? "└─" : "  ") + " " + lines.get(i));
                    }
                } else {
                    out.add(prefix + "   ├─ [-] " + text(a));
                    out.add(prefix + "   └─ [+] " + text(b));
                }
            } else {
                out.add(prefix + "   └─ " + text(a.isMissingNode() ? b : a));
            }
            return;
        }
        List<String> keys = sorted(ids(a, b)).stream().filter(k -> !a.path(k).equals(b.path(k))).toList();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            boolean last = i == keys.size() - 1;
            String branch = prefix + "   " + (last ? "└" : "├") + "─ ";
            JsonNode x = a.path(key);
            JsonNode y = b.path(key);
            if (!x.isMissingNode() && !y.isMissingNode()) {
                out.add(branch + tag(x, y) + " ." + key + ":");
                values(x, y, prefix + "   " + (last ? " " : "│"), context, out);
            } else if (!x.isMissingNode()) {
                out.add(branch + "[-] Removed: ." + key);
            } else {
                out.add(branch + "[+] Added: ." + key);
            }
        }
    }

    /** The hunks of the two values' {@code JSON.stringify(v, null, 2)} texts, common indentation removed. */
    private static List<String> jsonDiff(JsonNode a, JsonNode b, int context) {
        List<String> out = new ArrayList<>();
        for (LineDiff.Hunk hunk : LineDiff.hunks(NodeJson.stringify(a).lines().toList(),
                NodeJson.stringify(b).lines().toList(), context)) {
            out.add(hunk.header());
            int indent = hunk.lines().stream().mapToInt(TemplateChanges::indent).min().orElse(0);
            for (String line : hunk.lines()) {
                String marker = switch (line.charAt(0)) {
                    case '+' -> "[+]";
                    case '-' -> "[-]";
                    default -> "[ ]";
                };
                out.add(marker + " " + line.substring(Math.min(line.length(), 1 + indent)));
            }
        }
        return out;
    }

    private static int indent(String markedLine) {
        for (int i = 1; i < markedLine.length(); i++) {
            if (markedLine.charAt(i) != ' ') {
                return i - 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String tag(JsonNode was, JsonNode now) {
        return was.isMissingNode() ? "[+]" : now.isMissingNode() ? "[-]" : "[~]";
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : Intrinsics.compact(value);
    }

    private static Set<String> ids(JsonNode a, JsonNode b) {
        Set<String> ids = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(ids::add);
        b.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
