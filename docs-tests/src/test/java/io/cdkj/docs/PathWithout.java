package io.cdkj.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory to use as {@code PATH} that holds links to every program of {@code /usr/bin} and
 * {@code /bin} except the ones named: how a test sees a machine without Node.js or moto. Stateless.
 */
final class PathWithout {

    private PathWithout() {
    }

    static Path create(Path directory, Set<String> missing) throws IOException {
        Files.createDirectories(directory);
        for (String dir : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    Path link = directory.resolve(name);
                    if (!missing.contains(name) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, file);
                    }
                }
            }
        }
        return directory;
    }
}
