package io.cdkj.toolkit.deploy.assets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Zips a directory asset the way the Node CDK CLI does, so that the same content gives the same
 * bytes — whichever of the two tools publishes first, the object under the asset's hash is the same:
 * the files and names of {@link DirectoryWalk}, each file's Unix mode (executable bits kept), and
 * the archive layout of {@link ZipWriter}. The deflated data is Node's when a {@code node} is on
 * PATH (see {@link NodeDeflate}), otherwise the JDK's — a valid archive with the same entries,
 * names, modes and content, but not the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeterministicZip {

    /** The Node CLI refuses bigger files too (its zip writer buffers each file). */
    private static final long MAX_FILE = 1073741823L;
    private static final int REGULAR_FILE = 0100000;

    /**
     * What was zipped.
     *
     * @param outside    the entries whose files lie outside the asset directory (reached through links)
     * @param compressor {@code "node"} or {@code "jdk"}: whose deflate produced the data
     */
    public record Result(List<DirectoryWalk.Source> outside, String compressor) {
        public Result {
            outside = List.copyOf(outside);
            Objects.requireNonNull(compressor, "compressor");
        }
    }

    private DeterministicZip() {
    }

    /**
     * Zips {@code directory} into {@code zipFile} (replaced) with Node's zlib when {@code node} is on
     * {@code path} — falling back to the JDK's if it cannot be started or fails — else the JDK's.
     *
     * @param path    the PATH to look for {@code node} on
     * @param verbose receives which compressor was used when it is not Node's, and why ({@code --verbose})
     */
    public static Result write(Path directory, Path zipFile, String path, Consumer<String> verbose)
            throws IOException {
        List<DirectoryWalk.Source> files = DirectoryWalk.files(directory);
        Optional<Path> node = NodeDeflate.find(path);
        if (node.isPresent()) {
            try (NodeDeflate deflate = NodeDeflate.start(node.get())) {
                write(files, zipFile, deflate);
                return result(files, deflate);
            } catch (IOException e) {
                verbose.accept("Zipping " + directory + " with the JDK's zlib: " + node.get() + " failed ("
                        + e.getMessage() + ")");
            }
        } else {
            verbose.accept("Zipping " + directory + " with the JDK's zlib: no 'node' on PATH (the bytes differ"
                    + " from the Node CDK CLI's; the entries do not)");
        }
        write(files, zipFile, JdkDeflate.INSTANCE);
        return result(files, JdkDeflate.INSTANCE);
    }

    /** Zips {@code directory} into {@code out} with {@code deflate}. */
    static Result write(Path directory, OutputStream out, RawDeflate deflate) throws IOException {
        List<DirectoryWalk.Source> files = DirectoryWalk.files(directory);
        write(files, out, deflate);
        return result(files, deflate);
    }

    private static void write(List<DirectoryWalk.Source> files, Path zipFile, RawDeflate deflate) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile)) {
            write(files, out, deflate);
        }
    }

    private static void write(List<DirectoryWalk.Source> files, OutputStream out, RawDeflate deflate)
            throws IOException {
        ZipWriter zip = new ZipWriter(out, deflate);
        for (DirectoryWalk.Source source : files) {
            long size = Files.size(source.file());
            if (size > MAX_FILE) {
                throw new IOException(source.name() + " is larger than 1 GiB (" + size + " bytes)");
            }
            zip.add(source.name(), mode(source.file()), Files.readAllBytes(source.file()));
        }
        zip.finish();
    }

    private static Result result(List<DirectoryWalk.Source> files, RawDeflate deflate) {
        return new Result(files.stream().filter(DirectoryWalk.Source::outside).toList(), deflate.name());
    }

    /** {@code st_mode} of the file (through links), as Node's {@code fs.stat} reports it. */
    static int mode(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:mode") & 0xFFFF;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return REGULAR_FILE | (Files.isExecutable(file) ? 0755 : 0644); // no Unix modes here (Windows)
        }
    }
}
