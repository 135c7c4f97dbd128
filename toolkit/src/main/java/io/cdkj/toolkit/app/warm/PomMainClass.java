package io.cdkj.toolkit.app.warm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads what {@code mvn exec:java} would run from a project's {@code pom.xml} without starting
 * Maven: the exec plugin's {@code mainClass} and arguments (from {@code build/plugins} or
 * {@code build/pluginManagement}), else the {@code exec.mainClass} / {@code exec.args} properties,
 * with {@code ${property}} references resolved from the pom's and its parents' {@code properties}.
 *
 * <p>Stateless and thread-safe.
 */
final class PomMainClass {

    /** The main class and arguments, or empty when the pom does not say (or uses what we cannot resolve). */
    record ExecJava(String mainClass, List<String> args) {
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private PomMainClass() {
    }

    static Optional<ExecJava> read(Path pom) {
        try {
            Element project = parse(pom);
            Map<String, String> properties = properties(pom, project);
            Optional<Element> config = execConfiguration(project);
            String main = config.map(c -> text(c, "mainClass")).orElse(null);
            if (main == null) {
                main = properties.get("exec.mainClass");
            }
            List<String> args = new ArrayList<>();
            if (config.isPresent() && child(config.get(), "arguments") != null) {
                NodeList list = child(config.get(), "arguments").getElementsByTagName("argument");
                for (int i = 0; i < list.getLength(); i++) {
                    args.add(list.item(i).getTextContent().trim());
                }
            } else {
                String line = config.map(c -> text(c, "commandlineArgs")).orElse(properties.get("exec.args"));
                args.addAll(words(line));
            }
            if (main == null) {
                return Optional.empty();
            }
            String resolvedMain = resolve(main, properties);
            List<String> resolvedArgs = new ArrayList<>();
            for (String arg : args) {
                resolvedArgs.add(resolve(arg, properties));
            }
            if (resolvedMain.contains("${") || resolvedArgs.stream().anyMatch(a -> a.contains("${"))) {
                return Optional.empty();
            }
            return Optional.of(new ExecJava(resolvedMain, resolvedArgs));
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return Optional.empty();
        }
    }

    /** {@code exec.args}-style argument line split on blanks, as the exec plugin does for simple values. */
    static List<String> words(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return List.of(line.trim().split("\\s+"));
    }

    private static Optional<Element> execConfiguration(Element project) {
        Element build = child(project, "build");
        if (build == null) {
            return Optional.empty();
        }
        for (Element plugins : java.util.Arrays.asList(child(build, "plugins"),
                child(child(build, "pluginManagement"), "plugins"))) {
            if (plugins == null) {
                continue;
            }
            for (Element plugin : children(plugins, "plugin")) {
                if ("exec-maven-plugin".equals(text(plugin, "artifactId")) && child(plugin, "configuration") != null) {
                    return Optional.of(child(plugin, "configuration"));
                }
            }
        }
        return Optional.empty();
    }

    /** The pom's properties over its parents' (nearest wins), following {@code relativePath}. */
    private static Map<String, String> properties(Path pom, Element project)
            throws IOException, SAXException, ParserConfigurationException {
        Map<String, String> properties = new HashMap<>();
        Element parent = child(project, "parent");
        if (parent != null) {
            String relative = Optional.ofNullable(text(parent, "relativePath")).orElse("../pom.xml");
            Path parentPom = pom.toAbsolutePath().getParent().resolve(relative).normalize();
            if (Files.isDirectory(parentPom)) {
                parentPom = parentPom.resolve("pom.xml");
            }
            if (!relative.isBlank() && Files.isRegularFile(parentPom)) {
                properties.putAll(properties(parentPom, parse(parentPom)));
            }
        }
        Element own = child(project, "properties");
        if (own != null) {
            for (Element property : children(own, null)) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return properties;
    }

    private static String resolve(String value, Map<String, String> properties) {
        String current = value;
        for (int depth = 0; depth < 10 && current.contains("${"); depth++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = properties.getOrDefault(m.group(1), m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            if (out.toString().equals(current)) {
                break;
            }
            current = out.toString();
        }
        return current;
    }

    private static Element parse(Path pom) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }
}
