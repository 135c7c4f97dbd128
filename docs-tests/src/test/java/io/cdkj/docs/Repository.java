package io.cdkj.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is (the build passes {@code cdkj.repository.root}) and its files. Stateless. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("cdkj.repository.root", "..")).toAbsolutePath().normalize();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
