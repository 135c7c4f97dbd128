package io.cdkj.toolkit.deploy.assets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips a directory so that the same content always gives the same bytes: entries sorted by path,
 * '/' separators, and a fixed timestamp. Identical bytes mean an unchanged asset is not uploaded again
 * and does not make CloudFormation replace the resources that use it. Stateless.
 */
public final class DeterministicZip {

    private static final LocalDateTime FIXED = LocalDateTime.of(1980, 1, 1, 0, 0);

    private DeterministicZip() {
    }

    /** Writes the files under {@code directory} (recursively; directories themselves are implied) to {@code out}. */
    public static void write(Path directory, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> entryName(directory, a).compareTo(entryName(directory, b)))
                    .toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(entryName(directory, file));
                // local DOS time without time-zone conversion: the same bytes on every machine
                entry.setTimeLocal(FIXED);
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static String entryName(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
