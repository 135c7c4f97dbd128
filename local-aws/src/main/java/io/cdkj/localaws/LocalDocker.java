package io.cdkj.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * A private container engine and registry for tests: a {@code dockerd} on its own unix socket
 * ({@link #dockerHost()}) and a {@link LocalRegistry} on a loopback port, both under one temporary
 * directory that {@link #close()} removes after stopping them. Images cannot be pulled here: build
 * {@code FROM scratch} or {@code docker import}.
 *
 * <p>Use {@link DockerExtension} in tests; {@link #shared()} is the one instance per JVM it hands out.
 * Thread-safe.
 */
public final class LocalDocker implements AutoCloseable {

  private static LocalDocker shared;
  private static IllegalStateException sharedFailure;

  private final Path directory;
  private final DockerDaemon daemon;
  private final LocalRegistry registry;
  private boolean closed;

  private LocalDocker(Path directory, DockerDaemon daemon, LocalRegistry registry) {
    this.directory = directory;
    this.daemon = daemon;
    this.registry = registry;
  }

  /**
   * The JVM's instance, started on first use and stopped by a shutdown hook (and by
   * {@link DockerExtension} at the end of the test run). A failed start is remembered, so later
   * classes do not wait for it again.
   *
   * @throws IllegalStateException explaining why dockerd or the registry could not start
   */
  public static synchronized LocalDocker shared() {
    if (sharedFailure != null) {
      throw sharedFailure;
    }
    if (shared == null || shared.closed || !shared.daemon.isAlive()) {
      try {
        LocalDocker started = start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cdkj-docker-stop"));
        shared = started;
      } catch (IllegalStateException e) {
        sharedFailure = e;
        throw e;
      }
    }
    return shared;
  }

  /** Starts an instance owned by the caller; {@link #close()} stops it. */
  public static LocalDocker start() {
    Path directory;
    try {
      // unix socket paths are limited to about 108 bytes: keep the directory short
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      directory = Files.createTempDirectory(tmp.toString().length() > 40 ? Path.of("/tmp") : tmp, "cdkj-dk");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a directory for dockerd: " + e.getMessage(), e);
    }
    DockerDaemon daemon = null;
    try {
      daemon = DockerDaemon.start(directory);
      LocalRegistry registry = LocalRegistry.start(directory);
      return new LocalDocker(directory, daemon, registry);
    } catch (IOException | RuntimeException e) {
      if (daemon != null) {
        daemon.stop();
      }
      deleteQuietly(directory);
      throw e instanceof IllegalStateException ise ? ise
          : new IllegalStateException("cannot start dockerd and the registry: " + e.getMessage(), e);
    }
  }

  /** {@code unix:///tmp/cdkj-dk…/docker.sock}: the {@code DOCKER_HOST} of this engine. */
  public String dockerHost() {
    return daemon.dockerHost();
  }

  /** {@code DOCKER_HOST} for processes that should use this engine. */
  public Map<String, String> environment() {
    return Map.of("DOCKER_HOST", dockerHost());
  }

  /** The registry images are pushed to. */
  public LocalRegistry registry() {
    return registry;
  }

  /** Stops the registry and the daemon (with its containerd) and removes their directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    registry.stop();
    daemon.stop();
    deleteQuietly(directory);
  }

  @Override
  public String toString() {
    return "LocalDocker[" + dockerHost() + ", " + registry + "]";
  }

  private static void deleteQuietly(Path directory) {
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a left-over mount or file in /tmp is not worth failing the test run over
      System.err.println("local-aws: could not remove " + directory + " completely: " + e.getMessage());
    }
  }
}
