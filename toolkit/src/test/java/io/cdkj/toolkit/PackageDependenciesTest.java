package io.cdkj.toolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the toolkit's package structure as docs/ARCHITECTURE.md describes it: no package cycles, every
 * package listed in its table, and every reference between packages (imports and fully qualified names
 * alike) allowed by the table's "may import" column.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/cdkj/toolkit");
    private static final Path ARCHITECTURE = Path.of("../docs/ARCHITECTURE.md");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.cdkj\\.toolkit((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    /** A row of the package table: | `io.cdkj.toolkit.x` | what it is | `a`, `b` |. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(io\\.cdkj\\.toolkit(?:\\.[a-z.0-9]+)?)`\\s*\\|[^|]*\\|([^|]*)\\|");
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9.]*|\\(root\\))`");
    private static final String ROOT = "(root)";

    private static Map<String, Set<String>> actual;

    @BeforeAll
    static void readSources() throws IOException {
        actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String from = packageOf(SOURCES.relativize(file.getParent()));
                Set<String> to = actual.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    String target = m.group(1).isEmpty() ? ROOT : m.group(1).substring(1);
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            });
        }
    }

    @Test
    void packages_formNoCycle() {
        assertThat(cycles(actual)).as("package cycles in the toolkit").isEmpty();
    }

    @Test
    void everyPackage_isInTheArchitectureTable_andImportsOnlyWhatItMay() throws IOException {
        Map<String, Set<String>> allowed = documentedRules();

        assertThat(allowed.keySet()).as("packages listed in docs/ARCHITECTURE.md").containsAll(actual.keySet());
        Map<String, Set<String>> forbidden = new TreeMap<>();
        actual.forEach((from, targets) -> targets.stream()
                .filter(to -> !allowed.getOrDefault(from, Set.of()).contains(to))
                .forEach(to -> forbidden.computeIfAbsent(from, k -> new TreeSet<>()).add(to)));
        assertThat(forbidden).as("references the table of docs/ARCHITECTURE.md does not allow").isEmpty();
    }

    @Test
    void detectsACycle() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly(List.of("a", "b", "c"));
    }

    private static Map<String, Set<String>> documentedRules() throws IOException {
        Map<String, Set<String>> rules = new HashMap<>();
        for (String line : Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            String pkg = row.group(1).equals("io.cdkj.toolkit") ? ROOT : row.group(1).substring("io.cdkj.toolkit.".length());
            Set<String> may = new TreeSet<>();
            Matcher name = NAME.matcher(row.group(2));
            while (name.find()) {
                may.add(name.group(1));
            }
            rules.put(pkg, may);
        }
        return rules;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> result = new ArrayList<>();
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, result);
            }
        }
        return result;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<List<String>> result) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, result);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                component.sort(null);
                result.add(component);
            }
        }
    }

    private static String packageOf(Path relative) {
        String name = relative.toString().replace('/', '.').replace('\\', '.');
        return name.isEmpty() ? ROOT : name;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
