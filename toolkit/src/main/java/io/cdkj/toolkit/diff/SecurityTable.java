package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.config.NodeJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link SecurityChanges} as the Node CDK CLI does in {@code cdk diff} and before a deploy
 * that needs approval: "IAM Statement Changes", "IAM Policy Changes" and "Security Group Changes"
 * tables ({@code +} added, {@code -} removed, sorted by resource), logical ids replaced by construct
 * paths where the templates' {@code aws:cdk:path} metadata names them, and the Node CLI's note that
 * the list may be incomplete.
 *
 * <p>Stateless and thread-safe.
 */
public final class SecurityTable {

    /** The Node CLI's closing note, word for word. */
    static final String NOTE = "(NOTE: There may be security-related changes not in this list."
            + " See https://github.com/aws/aws-cdk/issues/1299)";

    private static final Pattern BRACED_ID = Pattern.compile("\\$\\{([^.}]+)(\\.[^}]+)?}");

    private SecurityTable() {
    }

    /** The tables of {@code changes} between the two templates; empty text when nothing changed. */
    public static String render(SecurityChanges changes, JsonNode deployed, JsonNode proposed) {
        if (changes.isEmpty()) {
            return "";
        }
        Map<String, String> paths = paths(deployed);
        paths.putAll(paths(proposed));
        List<String> out = new ArrayList<>();
        if (changes.statements().changed()) {
            out.add("IAM Statement Changes");
            out.add(table(List.of("", "Resource", "Effect", "Action", "Principal", "Condition"),
                    rows(changes.statements(), SecurityTable::statementRow), paths));
        }
        if (changes.managedPolicies().changed()) {
            out.add("IAM Policy Changes");
            out.add(table(List.of("", "Resource", "Managed Policy ARN"),
                    rows(changes.managedPolicies(), (sign, a) -> List.of(sign, a.identity(), a.policyArn())), paths));
        }
        if (changes.ingress().changed() || changes.egress().changed()) {
            out.add("Security Group Changes");
            List<List<String>> rows = new ArrayList<>();
            changes.ingress().added().forEach(r -> rows.add(ruleRow("+", "In", r)));
            changes.egress().added().forEach(r -> rows.add(ruleRow("+", "Out", r)));
            changes.ingress().removed().forEach(r -> rows.add(ruleRow("-", "In", r)));
            changes.egress().removed().forEach(r -> rows.add(ruleRow("-", "Out", r)));
            rows.sort(Comparator.<List<String>, String>comparing(row -> row.get(1))
                    .thenComparing(row -> row.get(2).equals("In") ? 0 : 1));
            out.add(table(List.of("", "Group", "Dir", "Protocol", "Peer"), rows, paths));
        }
        out.add(NOTE);
        return String.join("\n", out);
    }

    private interface RowFunction<T> {
        List<String> row(String sign, T item);
    }

    private static <T> List<List<String>> rows(SecurityChanges.Delta<T> delta, RowFunction<T> row) {
        List<List<String>> rows = new ArrayList<>();
        delta.added().forEach(item -> rows.add(row.row("+", item)));
        delta.removed().forEach(item -> rows.add(row.row("-", item)));
        rows.sort(Comparator.comparing(r -> r.get(1)));
        return rows;
    }

    private static List<String> statementRow(String sign, PolicyStatement s) {
        if (s.unparsed().isPresent()) {
            return List.of(sign, s.unparsed().get(), "", "", s.principals().render(), "");
        }
        return List.of(sign, s.resources().render(), s.effect().name(), s.actions().render(), s.principals().render(),
                condition(s.condition()));
    }

    /** The condition's JSON without its outer braces, one level less indented. */
    private static String condition(JsonNode condition) {
        if (condition.isEmpty()) {
            return "";
        }
        List<String> lines = NodeJson.stringify(condition).lines().toList();
        return String.join("\n", lines.subList(1, lines.size() - 1).stream().map(l -> l.substring(2)).toList());
    }

    private static List<String> ruleRow(String sign, String direction, SecurityGroupRule rule) {
        return List.of(sign, rule.groupId(), direction, rule.describeProtocol(), rule.describePeer());
    }

    private static String table(List<String> header, List<List<String>> rows, Map<String, String> paths) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        rows.forEach(row -> all.add(row.stream().map(cell -> withPaths(cell, paths)).toList()));
        return TextTable.render(all);
    }

    private static String withPaths(String cell, Map<String, String> paths) {
        Matcher m = BRACED_ID.matcher(cell);
        return m.replaceAll(match -> Matcher.quoteReplacement("${" + paths.getOrDefault(match.group(1), match.group(1))
                + (match.group(2) == null ? "" : match.group(2)) + "}"));
    }

    /** Logical id to construct path below the stack ({@code MyStack/Role/Resource} is {@code Role}). */
    static Map<String, String> paths(JsonNode template) {
        Map<String, String> paths = new HashMap<>();
        if (template == null) {
            return paths;
        }
        template.path("Resources").properties().forEach(e -> {
            String path = e.getValue().path("Metadata").path("aws:cdk:path").textValue();
            if (path != null) {
                paths.put(e.getKey(), normalize(path));
            }
        });
        return paths;
    }

    private static String normalize(String path) {
        List<String> parts = new ArrayList<>(List.of((path.startsWith("/") ? path.substring(1) : path).split("/")));
        if (parts.size() > 1) {
            parts.remove(0);
            String last = parts.get(parts.size() - 1);
            if (parts.size() > 1 && (last.equals("Resource") || last.equals("Default"))) {
                parts.remove(parts.size() - 1);
            }
        }
        return String.join("/", parts);
    }
}
