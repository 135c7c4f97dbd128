package io.cdkj.localaws;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code dockerd} for tests: its own data root, exec root, pid file, config file and unix
 * socket under one directory, no bridge network and no iptables rules (the tests need no container
 * network and must not touch the host's), so it neither sees nor disturbs any other daemon on the
 * machine. {@code dockerd} starts and stops its own {@code containerd}.
 *
 * <p>Thread-safe ({@link #stop()} may run from a shutdown hook).
 */
final class DockerDaemon {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path socket;
  private final Path log;

  private DockerDaemon(Process process, Path socket, Path log) {
    this.process = process;
    this.socket = socket;
    this.log = log;
  }

  /**
   * Starts {@code dockerd} with everything under {@code directory} and waits until it answers
   * {@code /_ping}.
   *
   * @throws IllegalStateException naming the reason and the log file when it cannot start
   */
  static DockerDaemon start(Path directory) throws IOException {
    Path socket = directory.resolve("docker.sock");
    Path log = directory.resolve("dockerd.log");
    Path config = Files.writeString(directory.resolve("daemon.json"), "{}\n");
    List<String> command = List.of("dockerd",
        "--bridge=none", "--iptables=false", "--ip-masq=false",
        "--config-file", config.toString(),
        "--data-root", directory.resolve("data").toString(),
        "--exec-root", directory.resolve("x").toString(),
        "--pidfile", directory.resolve("docker.pid").toString(),
        "--host", "unix://" + socket);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run dockerd (" + e.getMessage() + "); install the docker.io package", e);
    }
    DockerDaemon daemon = new DockerDaemon(process, socket, log);
    daemon.awaitReady();
    return daemon;
  }

  /** {@code unix:///…/docker.sock}, the value for {@code DOCKER_HOST}. */
  String dockerHost() {
    return "unix://" + socket;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM (dockerd then stops containerd), SIGKILL for whatever is left after the timeout. */
  void stop() {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(failure("exited with code " + process.exitValue()));
      }
      if (pings()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while waiting for dockerd at " + socket, e);
      }
    }
    stop();
    throw new IllegalStateException(failure("did not answer within " + START_TIMEOUT.toSeconds() + " s"));
  }

  /** The Engine API's {@code GET /_ping} over the unix socket, without needing the docker CLI. */
  private boolean pings() {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      StringBuilder answer = new StringBuilder();
      while (channel.read(buffer) > 0) {
        buffer.flip();
        answer.append(StandardCharsets.US_ASCII.decode(buffer));
        buffer.clear();
      }
      return answer.toString().startsWith("HTTP/1.") && answer.toString().contains(" 200 ");
    } catch (IOException notYet) {
      return false;
    }
  }

  private String failure(String what) {
    String output = "";
    try {
      List<String> lines = Files.readAllLines(log);
      output = String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException ignored) {
      // the message still names the file
    }
    return "dockerd " + what + " (last lines: " + output + "); its log is " + log
        + "; dockerd needs root and a file system where overlayfs works";
  }
}
