package io.cdkj.toolkit.app.warm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The app host's files in a private temporary directory: {@code classes/} holding only
 * {@link AppHostMain}'s class file (copied out of the toolkit, so the app's class path gains nothing
 * else), and {@code context.json}, the context file the app reads at every {@code new App()}.
 *
 * <p>Not thread-safe; owned by one {@link WarmAppRunner}, which closes it.
 */
record HostFiles(Path root, Path classes, Path context) implements AutoCloseable {

    static HostFiles create() {
        try {
            Path root = Files.createTempDirectory("cdkj-app-host");
            Path classes = root.resolve("classes");
            String resource = AppHostMain.class.getName().replace('.', '/') + ".class";
            Path target = classes.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = AppHostMain.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the toolkit has no " + resource);
                }
                Files.copy(in, target);
            }
            Path context = root.resolve("context.json");
            Files.writeString(context, "{}");
            return new HostFiles(root, classes, context);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the warm app host's files in java.io.tmpdir: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
