package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/writing-a-plugin.md shows the example plugin's files verbatim: each code block marked
 * {@code <!-- example-file: PATH -->} must equal that file, and every source file of the example must
 * be shown. So the guide cannot drift from the code that {@code PluginExampleIT} builds and loads.
 */
class PluginGuideTest {

    private static final String GUIDE = "docs/writing-a-plugin.md";
    private static final String EXAMPLE = "examples/profile-plugin";
    private static final Pattern FILE_BLOCK = Pattern.compile(
            "<!-- example-file: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```\\n", Pattern.DOTALL);

    @Test
    void guide_codeBlocks_equalTheExampleFiles() {
        Map<String, String> blocks = fileBlocks(Repository.read(GUIDE));

        assertThat(blocks).as("code blocks marked with example-file in " + GUIDE).isNotEmpty();
        blocks.forEach((path, shown) -> assertThat(shown)
                .as("%s: the block for %s differs from the file; copy the file into the guide", GUIDE, path)
                .isEqualTo(Repository.read(path).stripTrailing()));
    }

    @Test
    void guide_showsEveryFileOfTheExample() throws IOException {
        Map<String, String> blocks = fileBlocks(Repository.read(GUIDE));

        assertThat(blocks.keySet()).as("files of %s shown in %s", EXAMPLE, GUIDE)
                .containsExactlyInAnyOrderElementsOf(exampleFiles());
    }

    private static List<String> exampleFiles() throws IOException {
        Path example = Repository.path(EXAMPLE);
        try (Stream<Path> files = Files.walk(example)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> Repository.ROOT.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> !path.startsWith(EXAMPLE + "/target/"))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, String> fileBlocks(String markdown) {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher matcher = FILE_BLOCK.matcher(markdown);
        while (matcher.find()) {
            assertThat(blocks.put(matcher.group(1), matcher.group(2))).as("%s shown twice", matcher.group(1)).isNull();
        }
        return blocks;
    }
}
