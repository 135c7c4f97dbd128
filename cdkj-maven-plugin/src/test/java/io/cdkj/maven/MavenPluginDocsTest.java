package io.cdkj.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps docs/maven-plugin.md true to the plugin descriptor the build generates (every goal, every
 * parameter with its {@code -D} property): each goal has a {@code ### `cdkj:GOAL`} section, and each of
 * its parameters a row {@code | `name` | `property` | …} there or in the table of every goal's parameters.
 */
class MavenPluginDocsTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path DOC = Path.of("../docs/maven-plugin.md");
    private static final Pattern GOAL_HEADING = Pattern.compile("(?m)^### `cdkj:([a-z]+)`$");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\| `([A-Za-z.]+)` \\|");
    private static final String COMMON_HEADING = "## Parameters of every goal";

    /** Goal → parameter name → property, from the descriptor (editable parameters only). */
    private static Map<String, Map<String, String>> goals;
    private static String doc;

    @BeforeAll
    static void read() throws Exception {
        goals = new TreeMap<>();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Map<String, String> parameters = new TreeMap<>();
            Element configuration = child(mojo, "configuration");
            NodeList declared = child(mojo, "parameters").getElementsByTagName("parameter");
            for (int j = 0; j < declared.getLength(); j++) {
                Element parameter = (Element) declared.item(j);
                String name = text(parameter, "name");
                if (!Boolean.parseBoolean(text(parameter, "editable"))) {
                    continue;
                }
                NodeList configured = configuration.getElementsByTagName(name);
                String expression = configured.getLength() == 0 ? "" : configured.item(0).getTextContent().trim();
                parameters.put(name, expression.replaceAll("^\\$\\{(.*)}$", "$1"));
            }
            goals.put(text(mojo, "goal"), parameters);
        }
        doc = Files.readString(DOC);
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    /** The documented rows (parameter → property) of each goal section, and of the common table under "". */
    private static Map<String, Map<String, String>> documented() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        int common = doc.indexOf(COMMON_HEADING);
        assertThat(common).as("%s in %s", COMMON_HEADING, DOC).isNotNegative();
        Matcher heading = GOAL_HEADING.matcher(doc);
        List<int[]> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (heading.find()) {
            bounds.add(new int[] {heading.start(), heading.end()});
            names.add(heading.group(1));
        }
        int commonEnd = doc.indexOf("\n## ", common + COMMON_HEADING.length());
        sections.put("", rows(doc.substring(common, commonEnd < 0 ? doc.length() : commonEnd)));
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : doc.length();
            sections.put(names.get(i), rows(doc.substring(bounds.get(i)[1], end)));
        }
        return sections;
    }

    private static Map<String, String> rows(String section) {
        Map<String, String> rows = new TreeMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        return rows;
    }

    @Test
    void everyGoal_hasASection_andNoSectionNamesAMissingGoal() {
        Map<String, Map<String, String>> sections = documented();

        assertThat(goals.keySet()).containsExactlyInAnyOrder("synth", "list", "diff", "deploy", "destroy", "credentials", "bootstrap");
        assertThat(sections.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(""), goals.keySet().stream()).toList());
    }

    @Test
    void everyParameter_isDocumentedWithItsProperty_inItsGoalOrTheCommonTable() {
        Map<String, Map<String, String>> sections = documented();
        Map<String, String> common = sections.get("");
        List<String> problems = new ArrayList<>();

        goals.forEach((goal, parameters) -> parameters.forEach((name, property) -> {
            String inDoc = sections.get(goal).getOrDefault(name, common.get(name));
            if (!property.equals(inDoc)) {
                problems.add("cdkj:" + goal + " parameter " + name + " (-D" + property + ") is documented as " + inDoc);
            }
        }));
        sections.forEach((goal, rows) -> rows.keySet().stream()
                .filter(name -> goal.isEmpty() ? goals.values().stream().noneMatch(p -> p.containsKey(name))
                        : !goals.get(goal).containsKey(name))
                .forEach(name -> problems.add("documented parameter " + name + " of '" + goal + "' does not exist")));

        assertThat(problems).isEmpty();
        assertThat(common).as("the common table").containsEntry("plugins", "cdkj.plugin");
    }

    @Test
    void theCiLine_isDocumented() throws IOException {
        assertThat(doc).contains("mvn -B package cdkj:deploy -Dcdkj.all -Dcdkj.plugin=assume-role");
        assertThat(Files.readString(Path.of("../README.md"))).contains("cdkj:deploy -Dcdkj.all -Dcdkj.plugin=assume-role");
    }
}
