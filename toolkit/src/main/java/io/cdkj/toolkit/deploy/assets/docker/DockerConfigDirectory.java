package io.cdkj.toolkit.deploy.assets.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The temporary docker configuration the run owns: registry logins go here, never into the user's
 * {@code ~/.docker/config.json}, and {@link #close()} deletes it with the tokens in it. Each login
 * gets its own subdirectory (used as {@code DOCKER_CONFIG}), so concurrent logins never rewrite one
 * {@code config.json} and two credentials for one registry never overwrite each other. A login
 * directory keeps the user's current docker context (its {@code currentContext} and a link to the
 * user's {@code contexts}, for {@code currentContext} and {@code DOCKER_CONTEXT}), so pushes reach the
 * same engine the build used.
 *
 * <p>Thread-safe. Created owner-only ({@code rwx------}) where the file system has POSIX permissions.
 */
public final class DockerConfigDirectory implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Optional<Path> userConfig;
    private final AtomicInteger logins = new AtomicInteger();
    private volatile boolean closed;

    private DockerConfigDirectory(Path root, Optional<Path> userConfig) {
        this.root = root;
        this.userConfig = userConfig;
    }

    /**
     * Creates an empty directory in {@code parent}.
     *
     * @param userConfig the user's docker configuration ({@code DOCKER_CONFIG}, else {@code ~/.docker}), if any
     * @param parent     where to create it (the system temporary directory)
     */
    public static DockerConfigDirectory create(Optional<Path> userConfig, Path parent) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new FileAttribute<?>[0];
            return new DockerConfigDirectory(Files.createTempDirectory(parent, "cdkj-docker-config-", ownerOnly), userConfig);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot create a temporary docker configuration directory in "
                    + parent + ": " + e.getMessage() + " (check that it is writable)", e);
        }
    }

    /** The directory itself (removed by {@link #close()}). */
    public Path root() {
        return root;
    }

    /** A new empty configuration for one login, carrying over the user's current docker context. */
    public Path newLoginDirectory() throws IOException {
        if (closed) {
            throw new IllegalStateException("the temporary docker configuration was removed already");
        }
        Path directory = Files.createDirectory(root.resolve("login-" + logins.incrementAndGet()));
        Optional<String> context = userConfig.flatMap(DockerConfigDirectory::currentContext);
        if (context.isPresent()) {
            Files.writeString(directory.resolve("config.json"),
                    JSON.createObjectNode().put("currentContext", context.get()).toString());
        }
        // contexts chosen by currentContext or DOCKER_CONTEXT live there
        Optional<Path> contexts = userConfig.map(config -> config.resolve("contexts")).filter(Files::isDirectory);
        if (contexts.isPresent()) {
            Files.createSymbolicLink(directory.resolve("contexts"), contexts.get().toAbsolutePath());
        }
        return directory;
    }

    /** Deletes the directory and every login in it (links are removed, not followed). Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot remove the temporary docker configuration " + root
                    + " (it holds registry tokens; delete it): " + e.getMessage(), e);
        }
    }

    private static Optional<String> currentContext(Path userConfig) {
        Path file = userConfig.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode context = JSON.readTree(file.toFile()).path("currentContext");
            return context.isTextual() && !context.asText().isBlank() ? Optional.of(context.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // an unreadable user config: docker would complain about it on its own
        }
    }

    @Override
    public String toString() {
        return "DockerConfigDirectory[" + root + "]";
    }
}
