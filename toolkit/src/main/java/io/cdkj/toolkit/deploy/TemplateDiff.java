package io.cdkj.toolkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What deploying a template would change compared with the deployed one, per section
 * ({@code Parameters}, {@code Resources}, {@code Outputs}) and logical id: added, removed or changed.
 * A readable summary, not a property-level diff. Stateless.
 */
final class TemplateDiff {

    private static final List<String> SECTIONS = List.of("Parameters", "Resources", "Outputs");

    private TemplateDiff() {
    }

    /**
     * One line per difference, e.g. {@code [+] Resources Param (AWS::SSM::Parameter)}; empty when equal.
     *
     * @param deployed the deployed template, or {@link MissingNode} when the stack does not exist
     */
    static List<String> lines(JsonNode deployed, JsonNode local) {
        List<String> lines = new ArrayList<>();
        for (String section : SECTIONS) {
            JsonNode before = deployed.path(section);
            JsonNode after = local.path(section);
            TreeSet<String> ids = new TreeSet<>();
            before.fieldNames().forEachRemaining(ids::add);
            after.fieldNames().forEachRemaining(ids::add);
            for (String id : ids) {
                JsonNode was = before.path(id);
                JsonNode now = after.path(id);
                if (was.isMissingNode()) {
                    lines.add("[+] " + section + " " + id + type(now));
                } else if (now.isMissingNode()) {
                    lines.add("[-] " + section + " " + id + type(was));
                } else if (!was.equals(now)) {
                    lines.add("[~] " + section + " " + id + type(now) + changedKeys(was, now));
                }
            }
        }
        return lines;
    }

    private static String type(JsonNode node) {
        return node.has("Type") ? " (" + node.get("Type").asText() + ")" : "";
    }

    private static String changedKeys(JsonNode was, JsonNode now) {
        JsonNode before = was.has("Properties") || now.has("Properties") ? was.path("Properties") : was;
        JsonNode after = was.has("Properties") || now.has("Properties") ? now.path("Properties") : now;
        TreeSet<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        List<String> changed = keys.stream().filter(k -> !before.path(k).equals(after.path(k))).toList();
        return changed.isEmpty() ? "" : ": " + String.join(", ", changed);
    }
}
