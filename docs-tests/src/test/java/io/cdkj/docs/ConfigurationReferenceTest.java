package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.cli.CdkjCli;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.config.CdkJson;
import io.cdkj.toolkit.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md lists exactly what the code reads: the flags of every command (from the real
 * picocli command tree), the {@code cdk.json} keys (each one proven read by a type error), the
 * assume-role and profile plugins' keys and variables (from their key registries), and every environment
 * variable named in the toolkit's, the plugins' and the launcher's sources.
 */
class ConfigurationReferenceTest {

    private static final String DOC = "docs/configuration.md";
    private static final Pattern COMMAND_HEADING = Pattern.compile("(?m)^### `cdkj( [a-z]+)?`$");
    private static final Pattern ENV_VARIABLE = Pattern.compile("\\b(?:AWS|CDK|CDKJ)_[A-Z0-9_]*[A-Z0-9]\\b");

    @TempDir
    Path work;

    @Test
    void flags_ofEveryCommand_areDocumentedAndExist() {
        Map<String, Set<String>> inCode = CommandTree.load(work).options();
        Map<String, Set<String>> inDoc = optionsInDoc(Repository.read(DOC));

        assertThat(inDoc.keySet()).as("commands with a '### `cdkj …`' section in %s", DOC)
                .containsExactlyInAnyOrderElementsOf(inCode.keySet());
        inCode.forEach((command, flags) -> assertThat(inDoc.get(command))
                .as("flags of '%s' in %s (add missing ones, remove ones the command does not have)", command, DOC)
                .containsExactlyInAnyOrderElementsOf(flags));
    }

    @Test
    void cdkJsonKeys_documented_areExactlyTheOnesTheToolkitReads() throws IOException {
        List<String> documented = MarkdownTable.rowsAfter(Repository.read(DOC), "## `cdk.json` keys").stream()
                .map(row -> MarkdownTable.codeSpans(row.get(0)).get(0)).toList();

        // CdkJson holds the CDK CLI's keys, its last component the Node CLI's other settings (Settings.KEYS);
        // the "cdkj" block (warm app host) is read separately.
        assertThat(documented.stream().filter(key -> !key.equals("cdkj")))
                .hasSize(CdkJson.class.getRecordComponents().length - 1 + Settings.KEYS.size())
                .containsAll(Settings.KEYS);
        String ignoredKeys = Repository.read(DOC).substring(Repository.read(DOC).indexOf("## `cdk.json` keys"));
        for (String ignored : Settings.IGNORED_KEYS) {
            assertThat(ignoredKeys).as("the accepted-and-ignored key %s is named", ignored).contains("`" + ignored + "`");
        }
        for (String key : documented) {
            Files.writeString(work.resolve("cdk.json"), key.equals("app") ? "{\"app\": 42}"
                    : "{\"app\": \"true\", \"" + key + "\": 42}");
            String output = key.equals("cdkj") ? cdkj("synth", "--quiet")
                    : cdkj("credentials", "--dry-run", "--account", "111111111111", "--mode", "read");
            assertThat(output).as("cdkj reads \"%s\" from cdk.json (a number there is rejected)", key)
                    .contains("Invalid \"" + key + "\" in");
        }
    }

    @Test
    void assumeRoleKeys_documented_areExactlyThePluginsKeys() throws Exception {
        List<List<String>> rows = MarkdownTable.rowsAfter(Repository.read(DOC), "### `assume-role` plugin (prefix `assume-role-credentials:`)");
        Class<?> keys = Class.forName("io.cdkj.plugin.assumerole.ContextKeys");
        String prefix = (String) constant(keys, "PREFIX");

        List<String> documentedKeys = rows.stream().map(row -> MarkdownTable.codeSpans(row.get(0)).get(0)).toList();
        List<String> documentedVariables = rows.stream().flatMap(row -> MarkdownTable.codeSpans(row.get(1)).stream()).toList();

        assertThat(documentedKeys).containsExactlyInAnyOrderElementsOf(
                ((List<?>) constant(keys, "CONTEXT_KEYS")).stream().map(key -> prefix + key).toList());
        assertThat(documentedVariables).containsExactlyInAnyOrderElementsOf(
                ((List<?>) constant(keys, "ENV_VARIABLES")).stream().map(String::valueOf).toList());
        String accountsRow = rows.stream().filter(row -> row.get(0).contains(prefix + "accounts`")).findFirst()
                .orElseThrow().get(3);
        for (Object entryKey : (List<?>) constant(keys, "ACCOUNT_ENTRY_KEYS")) {
            assertThat(accountsRow).as("keys of an accounts entry").contains("`" + entryKey + "`");
        }
    }

    @Test
    void profileKeys_documented_areExactlyThePluginsKeys() throws Exception {
        List<List<String>> rows = MarkdownTable.rowsAfter(Repository.read(DOC), "### `profile` plugin (prefix `profile:`)");
        Class<?> keys = Class.forName("io.cdkj.plugin.profile.ProfileKeys");

        assertThat(rows.stream().map(row -> MarkdownTable.codeSpans(row.get(0)).get(0)).toList())
                .containsExactlyInAnyOrderElementsOf(((List<?>) constant(keys, "ALL")).stream().map(String::valueOf).toList());
        Map<String, String> defaults = Map.of(
                (String) constant(keys, "READ_ROLE_PATTERN"), (String) constant(keys, "DEFAULT_READ_ROLE_PATTERN"),
                (String) constant(keys, "WRITE_ROLE_PATTERN"), (String) constant(keys, "DEFAULT_WRITE_ROLE_PATTERN"));
        for (List<String> row : rows) {
            String key = MarkdownTable.codeSpans(row.get(0)).get(0);
            if (defaults.containsKey(key)) {
                assertThat(MarkdownTable.codeSpans(row.get(1))).as("default of %s", key).containsExactly(defaults.get(key));
            }
        }
    }

    @Test
    void environmentVariables_namedInTheSources_areDocumented() throws IOException {
        Set<String> inSources = new TreeSet<>();
        for (String tree : List.of("toolkit/src/main/java", "assume-role-plugin/src/main/java", "profile-plugin/src/main/java",
                "plugin-api/src/main/java")) {
            try (Stream<Path> files = Files.walk(Repository.path(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    inSources.addAll(stringLiteralVariables(Files.readString(file)));
                }
            }
        }
        inSources.addAll(matches(ENV_VARIABLE, Repository.read("bin/cdkj")));
        String doc = Repository.read(DOC);

        assertThat(inSources).as("environment variables in the sources").isNotEmpty();
        assertThat(inSources.stream().filter(name -> !doc.contains("`" + name + "`") && !doc.contains(name + "`")
                        && !doc.contains(name + ",")).toList())
                .as("environment variables named in the sources but not in %s", DOC).isEmpty();
    }

    @Test
    void toolkitContextKeys_namedInTheSources_areDocumented() throws IOException {
        Set<String> inSources = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repository.path("toolkit/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                inSources.addAll(matches(Pattern.compile("(?<=\")cdkj:[A-Za-z]+(?=\")"), Files.readString(file)));
            }
        }
        List<String> documented = MarkdownTable.rowsAfter(Repository.read(DOC), "### toolkit (prefix `cdkj:`)").stream()
                .map(row -> MarkdownTable.codeSpans(row.get(0)).get(0)).toList();

        assertThat(documented).as("toolkit context keys in %s", DOC).containsExactlyInAnyOrderElementsOf(inSources);
    }

    @Test
    void appContextKeys_documented_areReadByTheApps() throws IOException {
        List<List<String>> rows = MarkdownTable.rowsAfter(Repository.read(DOC), "### `sample-app` and `required-resources`");
        StringBuilder sources = new StringBuilder();
        for (String tree : List.of("sample-app/src/main/java", "required-resources/src/main/java")) {
            try (Stream<Path> files = Files.walk(Repository.path(tree))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    sources.append(Files.readString(file));
                }
            }
        }

        assertThat(rows).isNotEmpty();
        for (List<String> row : rows) {
            for (String name : concat(MarkdownTable.codeSpans(row.get(0)), MarkdownTable.codeSpans(row.get(1)))) {
                String bare = name.replace("assume-role-credentials:", "");
                assertThat(sources.toString()).as("'%s' read by sample-app or required-resources", name)
                        .containsAnyOf("\"" + name + "\"", "\"" + bare + "\"");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    /** Variable names inside string literals (javadoc and comments mention SDK variables the code does not read). */
    private static Set<String> stringLiteralVariables(String source) {
        Set<String> names = new TreeSet<>();
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(source);
        while (literal.find()) {
            names.addAll(matches(ENV_VARIABLE, literal.group(1)));
        }
        return names;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Map<String, Set<String>> optionsInDoc(String doc) {
        Map<String, Set<String>> options = new TreeMap<>();
        Matcher heading = COMMAND_HEADING.matcher(doc);
        while (heading.find()) {
            String command = heading.group().substring(5, heading.group().length() - 1);
            Set<String> names = new TreeSet<>();
            String section = doc.substring(heading.end());
            int next = section.indexOf("\n#");
            section = next < 0 ? section : section.substring(0, next);
            if (section.contains("\n|")) {
                for (List<String> row : MarkdownTable.rowsAfter("\n" + "#T" + section, "#T")) {
                    for (String span : MarkdownTable.codeSpans(row.get(0))) {
                        for (String token : span.split("[ ,]+")) {
                            if (token.startsWith("-")) {
                                names.add(token.replace("[no-]", ""));
                            }
                        }
                    }
                }
            }
            options.put(command, names);
        }
        return options;
    }

    private String cdkj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
                Map.of(), work, work, List.of());
        CdkjCli.execute(args, io);
        return out + err.toString();
    }
}
