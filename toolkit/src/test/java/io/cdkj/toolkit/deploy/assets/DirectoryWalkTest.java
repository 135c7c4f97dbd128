package io.cdkj.toolkit.deploy.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a directory asset in the Node CDK CLI's order, with its symbolic-link rules. */
class DirectoryWalkTest {

    @TempDir
    Path dir;

    @Test
    void files_nestedDirectories_breadthFirstEachLevelSortedByBytes() throws Exception {
        // given
        Path asset = Files.createDirectories(dir.resolve("asset"));
        write(asset, "a.txt", "B.txt", "_u.txt", "sub/s.txt", "sub/deeper/d.txt", "b/z.txt", ".hidden/h", "b/c/x.txt");

        // when
        List<String> names = names(DirectoryWalk.files(asset));

        // then: root files first ('B' < '_' < 'a' as bytes), then each level's directories in order
        assertThat(names).containsExactly("B.txt", "_u.txt", "a.txt", ".hidden/h", "b/z.txt", "sub/s.txt",
                "b/c/x.txt", "sub/deeper/d.txt");
    }

    @Test
    void files_nonAsciiNames_sortedByUtf8BytesNotByJavaChars() throws Exception {
        // given: U+FF21 sorts before U+1F600 as UTF-16 code units are compared, after it as UTF-8 bytes
        Path asset = Files.createDirectories(dir.resolve("asset"));
        write(asset, "\uD83D\uDE00.txt", "\uFF21.txt", "z.txt");

        // when
        List<String> names = names(DirectoryWalk.files(asset));

        // then
        assertThat(names).containsExactly("z.txt", "\uFF21.txt", "\uD83D\uDE00.txt");
    }

    @Test
    void files_emptyDirectory_isNotAnEntry() throws Exception {
        Path asset = Files.createDirectories(dir.resolve("asset"));
        Files.createDirectories(asset.resolve("empty"));
        write(asset, "f");

        assertThat(names(DirectoryWalk.files(asset))).containsExactly("f");
    }

    @Test
    void files_symbolicLinks_followedInsideAndOutsideTheDirectory() throws Exception {
        // given
        Path outside = Files.createDirectories(dir.resolve("outside"));
        write(outside, "o.txt", "deep/p.txt");
        Path asset = Files.createDirectories(dir.resolve("asset"));
        write(asset, "a.txt");
        Files.createSymbolicLink(asset.resolve("link.txt"), Path.of("a.txt"));
        Files.createSymbolicLink(asset.resolve("out"), Path.of("../outside"));
        Files.createSymbolicLink(asset.resolve("abs.txt"), outside.resolve("o.txt"));

        // when
        List<DirectoryWalk.Source> files = DirectoryWalk.files(asset);

        // then
        assertThat(names(files)).containsExactly("a.txt", "abs.txt", "link.txt", "out/o.txt", "out/deep/p.txt");
        assertThat(files).filteredOn(DirectoryWalk.Source::outside).extracting(DirectoryWalk.Source::name)
                .containsExactly("abs.txt", "out/o.txt", "out/deep/p.txt");
    }

    @Test
    void files_brokenSymbolicLink_isSkipped() throws Exception {
        Path asset = Files.createDirectories(dir.resolve("asset"));
        write(asset, "a.txt");
        Files.createSymbolicLink(asset.resolve("broken"), Path.of("nothing-here"));
        Files.createSymbolicLink(asset.resolve("self"), Path.of("self"));

        assertThat(names(DirectoryWalk.files(asset))).containsExactly("a.txt");
    }

    @Test
    void files_linkBackToAnAncestor_failsNamingTheLink() throws Exception {
        // given
        Path asset = Files.createDirectories(dir.resolve("asset"));
        write(asset, "sub/s.txt");
        Files.createSymbolicLink(asset.resolve("sub/loop"), Path.of(".."));

        // when / then
        assertThatThrownBy(() -> DirectoryWalk.files(asset))
                .isInstanceOf(ToolkitException.class)
                .hasMessageContaining("symbolic link cycle: sub/loop leads back to " + asset.toRealPath())
                .satisfies(e -> assertThat(((ToolkitException) e).code()).isEqualTo(ErrorCode.ASSEMBLY));
    }

    @Test
    void files_twoLinksToTheSameSiblingDirectory_areNotACycle() throws Exception {
        Path asset = Files.createDirectories(dir.resolve("asset"));
        write(asset, "shared/x.txt");
        Files.createSymbolicLink(asset.resolve("one"), Path.of("shared"));
        Files.createSymbolicLink(asset.resolve("two"), Path.of("shared"));

        assertThat(names(DirectoryWalk.files(asset))).containsExactly("one/x.txt", "shared/x.txt", "two/x.txt");
    }

    static void write(Path root, String... files) throws Exception {
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
    }

    private static List<String> names(List<DirectoryWalk.Source> files) {
        return files.stream().map(DirectoryWalk.Source::name).toList();
    }
}
