package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code blocks of README.md, the distribution archive's README.md and docs/*.md hold: JSON and YAML blocks parse, and every {@code cdkj}
 * command line in any block names an existing command and only flags that command (or the global
 * ones) accepts — checked against the real command tree.
 */
class DocsCodeBlocksTest {

    private static final Pattern BLOCK = Pattern.compile("(?m)^```([a-z]*)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern INVOCATION = Pattern.compile("(?:^|[\\s/])cdkj((?:[ \\t]+[^\\s|;&#)`]+)+)");

    @TempDir
    Path work;

    record Block(String file, String language, String text) {
        @Override
        public String toString() {
            return file + " (" + language + ")";
        }
    }

    static List<Block> blocks() throws IOException {
        // The distribution archive's README is a user's first page too.
        List<Path> files = new ArrayList<>(List.of(Repository.path("README.md"),
                Repository.path("dist/src/main/archive/README.md")));
        try (Stream<Path> docs = Files.list(Repository.path("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            Matcher matcher = BLOCK.matcher(Files.readString(file));
            while (matcher.find()) {
                blocks.add(new Block(Repository.ROOT.relativize(file).toString(), matcher.group(1), matcher.group(2)));
            }
        }
        return blocks;
    }

    @Test
    void jsonAndYamlBlocks_parse() throws IOException {
        List<Block> blocks = blocks();

        assertThat(blocks).extracting(Block::language).contains("json", "yaml");
        for (Block block : blocks) {
            if (block.language().equals("json")) {
                assertThatCode(() -> new ObjectMapper().readTree(block.text())).as("JSON in %s", block).doesNotThrowAnyException();
            } else if (block.language().equals("yaml")) {
                assertThatCode(() -> new YAMLMapper().readTree(block.text())).as("YAML in %s", block).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void cdkjCommandLines_useExistingCommandsAndFlags() throws IOException {
        CommandTree tree = CommandTree.load(work);
        int checked = 0;

        for (Block block : blocks()) {
            if (block.language().equals("java") || block.language().equals("xml") || block.language().equals("json")) {
                continue;
            }
            for (String line : block.text().replace("\\\n", " ").split("\n")) {
                String stripped = line.strip();
                if (stripped.startsWith("#") || stripped.startsWith("- name:") || stripped.startsWith("name:")) {
                    continue; // prose, not a command
                }
                Matcher invocation = INVOCATION.matcher(line);
                while (invocation.find()) {
                    checkInvocation(tree, invocation.group(1).trim().split("[ \\t]+"), block, line);
                    checked++;
                }
            }
        }

        assertThat(checked).as("cdkj command lines found in the docs").isGreaterThanOrEqualTo(15);
    }

    private static void checkInvocation(CommandTree tree, String[] tokens, Block block, String line) {
        String command = null;
        for (String token : tokens) {
            if (token.startsWith("-") && !token.equals("-")) {
                String flag = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                Set<String> accepted = new java.util.TreeSet<>(tree.globalOptions());
                if (command != null) {
                    accepted.addAll(tree.options().get(command));
                }
                boolean negated = flag.startsWith("--no-") && accepted.contains("--" + flag.substring(5));
                assertThat(accepted.contains(flag) || negated)
                        .as("%s: '%s' in `%s` is not a flag of %s", block, flag, line.strip(),
                                command == null ? "cdkj" : command)
                        .isTrue();
            } else if (command == null && !token.startsWith("$") && !token.startsWith("<")) {
                if (tree.aliases().containsKey(token)) {
                    command = tree.aliases().get(token);
                } else if (!isValueOfPreviousFlag(tokens, token)) {
                    assertThat(tree.aliases()).as("%s: '%s' in `%s` is not a cdkj command", block, token, line.strip())
                            .containsKey(token);
                }
            }
        }
    }

    /** {@code cdkj --profile ci synth}: "ci" is the value of --profile, not a command. */
    private static boolean isValueOfPreviousFlag(String[] tokens, String token) {
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].equals(token) && Set.of("--profile", "--plugin", "-c", "--context").contains(tokens[i - 1])) {
                return true;
            }
        }
        return false;
    }
}
