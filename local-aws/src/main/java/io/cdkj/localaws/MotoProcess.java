package io.cdkj.localaws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code python3 -m moto.server} process behind a {@link MotoServer}: start on loopback, wait
 * until it answers, explain failures (install hint, log file), stop with its process tree.
 * Thread-safe ({@link #stop()} may run from a shutdown hook).
 */
final class MotoProcess {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private MotoProcess(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  URI endpoint() {
    return endpoint;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Starts moto with {@code python} (the interpreter command, e.g. {@code [python3]}) on {@code port}. */
  static MotoProcess launch(List<String> python, int port) {
    Path log;
    try {
      log = Files.createTempFile("cdkj-moto-" + port + "-", ".log");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create moto's log file in " + System.getProperty("java.io.tmpdir"), e);
    }
    Process process;
    try {
      List<String> command = new ArrayList<>(python);
      command.addAll(List.of("-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)));
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run python3 to start moto (" + e.getMessage()
          + "); install Python 3 and then: pip install 'moto[server]'", e);
    }
    MotoProcess server = new MotoProcess(process, URI.create("http://127.0.0.1:" + port), log);
    server.awaitReady();
    return server;
  }

  void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(startFailure("exited with code " + process.exitValue()));
      }
      try {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while waiting for moto at " + endpoint, e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while waiting for moto at " + endpoint, e);
      }
    }
    stop();
    throw new IllegalStateException(startFailure("did not answer within " + START_TIMEOUT.toSeconds() + " s"));
  }

  private String startFailure(String what) {
    String output = "";
    try {
      output = Files.readString(log);
    } catch (IOException ignored) {
      // the message below still names the file
    }
    String hint = output.contains("No module named")
        ? "moto is not installed for python3; run: pip install 'moto[server]'"
        : "check that 'python3 -m moto.server' works (pip install 'moto[server]') and that the port is free";
    return "moto server (python3 -m moto.server -H 127.0.0.1 -p " + endpoint.getPort() + ") " + what
        + "; " + hint + "; its output is in " + log;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port for moto", e);
    }
  }
}
