package io.cdkj.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.testing.NodeCdkCli;
import io.cdkj.toolkit.testing.ReactorApps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command and option of the real Node CDK CLI (the pinned npm package's own option registry)
 * either parses in cdkj — same name, same short form — or is one of the Node-only ones that fail
 * with one line naming it. So a pipeline script written for the Node CLI never meets picocli's
 * "Unknown option", and nothing it passes is silently ignored; docs/migrating.md maps each one. Skips
 * only when npm is unavailable.
 */
class NodeCliFlagsTest {

    private static JsonNode registry;

    @TempDir
    static Path directory;

    @BeforeAll
    static void readRegistry() throws IOException {
        registry = new ObjectMapper().readTree(NodeCdkCli.require().optionRegistry().toFile());
    }

    @Test
    void everyNodeCliOption_parsesInCdkjOrFailsWithOneLineNamingIt() {
        List<String> problems = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        registry.get("commands").fields().forEachRemaining(command -> commands.add(command.getKey()));
        for (String command : commands) {
            if (!cdkjHas(command)) {
                Optional<String> why = NodeCliOnly.explain("cdkj", List.of(command));
                if (why.isEmpty()) {
                    problems.add("command " + command + ": neither a cdkj command nor explained");
                }
                continue;
            }
            registry.get("commands").get(command).path("options").fields().forEachRemaining(option ->
                    check(command, option.getKey(), option.getValue(), problems));
        }
        registry.get("globalOptions").fields().forEachRemaining(option ->
                check("synth", option.getKey(), option.getValue(), problems));

        assertThat(problems).isEmpty();
    }

    @Test
    void nodeCliCommandAliases_areCdkjAliases() {
        registry.get("commands").fields().forEachRemaining(command -> {
            if (cdkjHas(command.getKey())) {
                command.getValue().path("aliases").forEach(alias ->
                        assertThat(cdkjHas(alias.asText())).as("alias %s of %s", alias, command.getKey()).isTrue());
            }
        });
    }

    @Test
    void migratingGuide_mapsEveryNodeCliCommandAndOption() throws IOException {
        String guide = Files.readString(ReactorApps.repositoryRoot().resolve("docs/migrating.md"));
        String tables = guide.substring(guide.indexOf("## Every Node CLI flag"));
        List<String> missing = new ArrayList<>();
        registry.get("commands").fields().forEachRemaining(command -> {
            if (!tables.contains("`" + command.getKey() + "`")) {
                missing.add("command " + command.getKey());
            }
            if (cdkjHas(command.getKey())) {
                String section = section(tables, "### `cdk " + command.getKey() + "`");
                command.getValue().path("options").fieldNames().forEachRemaining(option -> {
                    if (!section.contains("--" + option) && !section.contains("--no-" + option)) {
                        missing.add(command.getKey() + " --" + option);
                    }
                });
            }
        });
        String global = section(tables, "### Global flags");
        registry.get("globalOptions").fieldNames().forEachRemaining(option -> {
            if (!global.contains("--" + option)) {
                missing.add("global --" + option);
            }
        });

        assertThat(missing).as("in docs/migrating.md's tables").isEmpty();
    }

    private static String section(String text, String heading) {
        int start = text.indexOf(heading + "\n");
        assertThat(start).as("heading %s", heading).isNotNegative();
        int end = text.indexOf("\n### ", start + heading.length());
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** The option's names as the Node CLI accepts them: {@code --name}, its alias, {@code --no-name} unless false by default. */
    private static void check(String command, String name, JsonNode option, List<String> problems) {
        List<String> forms = new ArrayList<>();
        forms.add("--" + name);
        option.path("alias").forEach(alias -> forms.add(dash(alias.asText())));
        if (option.path("alias").isTextual()) {
            forms.add(dash(option.get("alias").asText()));
        }
        String type = option.path("type").asText();
        if (type.equals("boolean") && !option.path("default").asText("").equals("false") && !name.startsWith("no-")) {
            forms.add("--no-" + name);
        }
        for (String form : forms) {
            List<String> args = new ArrayList<>(List.of(command, form));
            if (!type.equals("boolean") && !form.startsWith("--no-")) {
                args.add(type.equals("number") ? "1" : "x");
            }
            String problem = parse(args);
            if (problem != null) {
                problems.add(String.join(" ", args) + ": " + problem);
            }
        }
    }

    /** Null when {@code args} parse, or fail only on the value; otherwise what is wrong. */
    private static String parse(List<String> args) {
        CommandLine cli = tree();
        try {
            cli.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.UnmatchedArgumentException e) {
            String command = e.getCommandLine().getCommandName();
            Optional<String> why = NodeCliOnly.explain(command, e.getUnmatched());
            if (why.isEmpty()) {
                return "unknown to cdkj and not explained: " + e.getMessage();
            }
            return why.get().contains("\n") ? "explained on more than one line" : null;
        } catch (CommandLine.ParameterException e) {
            return null; // the option exists; "x" is just not one of its values
        }
    }

    private static boolean cdkjHas(String command) {
        return tree().getSubcommands().containsKey(command);
    }

    private static CommandLine tree() {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), directory, directory, List.of());
        CommandLine cli = new CommandLine(new CdkjCommand(io));
        Subcommands.all().forEach(cli::addSubcommand);
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static String dash(String alias) {
        return alias.length() == 1 ? "-" + alias : "--" + alias;
    }
}
