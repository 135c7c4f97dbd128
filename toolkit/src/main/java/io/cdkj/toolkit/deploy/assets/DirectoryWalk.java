package io.cdkj.toolkit.deploy.assets;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The regular files of a directory asset, in the order and with the names the Node CDK CLI's asset
 * packaging gives them, so that both tools zip a directory into the same entries:
 * <ul>
 *   <li>breadth first: a directory's files, then its subdirectories' files level by level;
 *       the entries of each directory sorted by the bytes of their UTF-8 names (the order Node's
 *       {@code readdir} returns on Unix);</li>
 *   <li>hidden files included; directories themselves are not entries (so empty ones vanish);</li>
 *   <li>symbolic links followed, also when they lead out of the directory (such files are
 *       {@link Source#outside() marked}); links to nothing are skipped; sockets and pipes too.</li>
 * </ul>
 * Where the Node CLI descends into a link cycle until the OS refuses (a zip of hundreds of copies),
 * this walk fails naming the link.
 *
 * <p>Stateless and thread-safe.
 */
public final class DirectoryWalk {

    private static final Comparator<Path> BY_UTF8_NAME = (a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b));

    /**
     * One file to zip.
     *
     * @param name    the entry name: the path below the asset directory, '/'-separated, through links as named
     * @param file    where to read it (may be reached through links)
     * @param outside whether the file's real location is outside the asset directory (reached through a link)
     */
    public record Source(String name, Path file, boolean outside) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    private record Pending(Path directory, String prefix, List<Path> realAncestors) {
    }

    private DirectoryWalk() {
    }

    /**
     * The files under {@code directory}.
     *
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the link when links form a cycle
     * @throws IOException when a directory cannot be read
     */
    public static List<Source> files(Path directory) throws IOException {
        Path root = directory.toRealPath();
        List<Source> files = new ArrayList<>();
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(directory, "", List.of(root)));
        while (!queue.isEmpty()) {
            Pending current = queue.removeFirst();
            for (Path entry : sortedEntries(current.directory())) {
                String name = current.prefix() + entry.getFileName().toString();
                Path real = realPath(entry);
                if (real == null) {
                    continue; // a link to nothing: the Node CLI skips it too
                }
                if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                    if (current.realAncestors().contains(real)) {
                        throw new ToolkitException(ErrorCode.ASSEMBLY, "The asset directory " + directory
                                + " contains a symbolic link cycle: " + name + " leads back to " + real
                                + ". Remove the link (or make it point elsewhere) and synthesize again.");
                    }
                    List<Path> ancestors = new ArrayList<>(current.realAncestors());
                    ancestors.add(real);
                    queue.addLast(new Pending(entry, name + "/", List.copyOf(ancestors)));
                } else if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(new Source(name, entry, !real.startsWith(root)));
                }
            }
        }
        return List.copyOf(files);
    }

    private static List<Path> sortedEntries(Path directory) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        }
        entries.sort(BY_UTF8_NAME);
        return entries;
    }

    private static Path realPath(Path entry) throws IOException {
        try {
            return entry.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (Files.isSymbolicLink(entry)) {
                return null; // e.g. ELOOP on a link chain pointing at itself: unusable, as for the Node CLI
            }
            throw e;
        }
    }

    private static byte[] utf8(Path path) {
        return path.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }
}
