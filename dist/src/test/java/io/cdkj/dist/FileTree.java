package io.cdkj.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files under a directory: relative path to size, for comparing two unpacked archives. Stateless. */
final class FileTree {

    private FileTree() {
    }

    /** Every regular file under {@code root}, by path relative to it, with its size. */
    static Map<String, Long> of(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.size(path));
            }
        }
        return files;
    }

    /** The names of the entries of {@code directory}, sorted. */
    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
