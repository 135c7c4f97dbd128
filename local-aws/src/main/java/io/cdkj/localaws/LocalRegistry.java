package io.cdkj.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A real OCI registry (Debian's {@code docker-registry}, the CNCF distribution registry) on a free
 * loopback port, storing blobs under a test directory. It requires HTTP basic auth as user
 * {@value #USERNAME} with a random {@link #password()} (an htpasswd file), so a {@code docker push}
 * only works after a real {@code docker login} with the token ECR would have handed out. Docker treats
 * {@code 127.0.0.0/8} registries as insecure-allowed, so plain HTTP works without daemon settings.
 *
 * <p>Thread-safe.
 */
public final class LocalRegistry {

  /** The user name ECR authorization tokens carry. */
  public static final String USERNAME = "AWS";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST_TYPES = String.join(", ",
      "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json");

  private final Process process;
  private final int port;
  private final String password;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalRegistry(Process process, int port, String password, Path log) {
    this.process = process;
    this.port = port;
    this.password = password;
    this.log = log;
  }

  /** Starts a registry storing under {@code directory}; waits until it answers. */
  static LocalRegistry start(Path directory) throws IOException {
    int port = MotoProcess.freePort();
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    // cost 4 (the minimum): the registry checks the hash on every request
    Path htpasswd = Files.writeString(directory.resolve("htpasswd"),
        USERNAME + ":" + BCrypt.hashpw(password, BCrypt.gensalt(4)) + "\n");
    Path config = Files.writeString(directory.resolve("registry.yml"), String.join("\n",
        "version: 0.1",
        "log:",
        "  level: warn",
        "  accesslog:",
        "    disabled: true",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + directory.resolve("registry"),
        "  delete:",
        "    enabled: true",
        "http:",
        "  addr: 127.0.0.1:" + port,
        "auth:",
        "  htpasswd:",
        "    realm: cdkj-local-registry",
        "    path: " + htpasswd,
        ""));
    Path log = directory.resolve("registry.log");
    Process process;
    try {
      process = new ProcessBuilder("docker-registry", "serve", config.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run docker-registry (" + e.getMessage()
          + "); install the docker-registry package", e);
    }
    LocalRegistry registry = new LocalRegistry(process, port, password, log);
    registry.awaitReady();
    return registry;
  }

  /** {@code 127.0.0.1:PORT}: the registry part of an image reference. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:PORT}, as ECR's {@code proxyEndpoint} names a registry. */
  public URI endpoint() {
    return URI.create("http://" + host());
  }

  /** The password {@value #USERNAME} logs in with (a test secret: assert it never appears in output). */
  public String password() {
    return password;
  }

  /** The tags of {@code repository} on the registry's own API ({@code /v2/<name>/tags/list}); empty when it has none. */
  public List<String> tags(String repository) {
    HttpResponse<String> response = send("GET", "/v2/" + repository + "/tags/list", "application/json");
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registry answered " + response.statusCode() + " for the tags of " + repository
          + ": " + response.body());
    }
    try {
      List<String> tags = new ArrayList<>();
      JSON.readTree(response.body()).path("tags").forEach((JsonNode tag) -> tags.add(tag.asText()));
      return List.copyOf(tags);
    } catch (IOException e) {
      throw new IllegalStateException("registry's tags list is not JSON: " + response.body(), e);
    }
  }

  /** The digest ({@code sha256:…}) of the manifest {@code repository:tag}, if the registry has it. */
  public Optional<String> digest(String repository, String tag) {
    HttpResponse<String> response = send("HEAD", "/v2/" + repository + "/manifests/" + tag, MANIFEST_TYPES);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registry answered " + response.statusCode() + " for manifest "
          + repository + ":" + tag);
    }
    return response.headers().firstValue("Docker-Content-Digest");
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "LocalRegistry[" + host() + "]"; // not the password
  }

  private HttpResponse<String> send(String method, String path, String accept) {
    String basic = Base64.getEncoder().encodeToString((USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(endpoint().resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + basic).header("Accept", accept)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("registry at " + endpoint() + " did not answer " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the registry for " + path, e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with code " + process.exitValue() + "; its log is " + log);
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/v2/"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 401 || response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while waiting for docker-registry", e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while waiting for docker-registry", e);
      }
    }
    stop();
    throw new IllegalStateException("docker-registry did not answer on " + endpoint() + " within "
        + START_TIMEOUT.toSeconds() + " s; its log is " + log);
  }
}
