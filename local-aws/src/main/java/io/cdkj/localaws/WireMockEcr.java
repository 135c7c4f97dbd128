package io.cdkj.localaws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECR's API (JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.*}) on WireMock,
 * backed by a {@link LocalRegistry}, with ECR's real response and error shapes. It covers a moto gap:
 * moto serves ECR, but its repository URIs ({@code <account>.dkr.ecr.<region>.amazonaws.com/<name>})
 * and {@code GetAuthorizationToken}'s {@code proxyEndpoint} are not loopback addresses a local docker
 * can push to, and its {@code DescribeImages} knows only images put through its own API, not what a
 * registry received. Here:
 * <ul>
 *   <li>{@code DescribeRepositories} answers {@code repositoryUri} {@code 127.0.0.1:<port>/<name>} for
 *       the repositories {@link #repository added}, else {@code RepositoryNotFoundException};</li>
 *   <li>{@code GetAuthorizationToken} answers the registry's real password (user {@code AWS}, base64,
 *       as ECR encodes it) and {@code proxyEndpoint} {@code http://127.0.0.1:<port>};</li>
 *   <li>{@code DescribeImages} asks the registry: the tag is there ({@code imageDetails} with its
 *       digest) or {@code ImageNotFoundException}.</li>
 * </ul>
 * As in ECR, a repository is seen only by callers in its account and region: the account of the
 * signing access key comes from {@link AwsCallLog#accountOf} (learned from STS responses, or
 * {@link AwsCallLog#learn} for fixed keys), the region from the signature's credential scope. An
 * unknown key gets {@code UnrecognizedClientException}. Thread-safe; {@link #close()} stops WireMock.
 */
public final class WireMockEcr implements AutoCloseable {

  private static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
  private static final String TRANSFORMER = "cdkj-ecr";
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalRegistry registry;
  private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
  private volatile boolean wrongPassword;
  private final Set<String> callers = ConcurrentHashMap.newKeySet();
  private final WireMockServer server;

  private record Repository(String account, String region, String name) {
  }

  private record Caller(String account, String region, Optional<String> role) {
  }

  private WireMockEcr(LocalRegistry registry) {
    this.registry = registry;
    this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new Answers()));
  }

  /** Starts ECR on a free loopback port, pointing at {@code registry}. */
  public static WireMockEcr start(LocalRegistry registry) {
    WireMockEcr ecr = new WireMockEcr(registry);
    ecr.server.start();
    ecr.server.stubFor(post(anyUrl()).withHeader("X-Amz-Target", matching(Pattern.quote(TARGET_PREFIX) + ".+"))
        .willReturn(aResponse().withTransformers(TRANSFORMER)));
    return ecr;
  }

  /** Base URL, for {@code AwsSystemProperties.serviceEndpoint("Ecr", …)} or {@code AWS_ENDPOINT_URL_ECR}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * Adds repository {@code name} in {@code account}/{@code region} (as bootstrapping would); names are
   * unique across the fixture because they share one registry.
   *
   * @return its URI, {@code 127.0.0.1:<port>/<name>}
   */
  public String repository(String account, String region, String name) {
    repositories.put(name, new Repository(account, region, name));
    return registry.host() + "/" + name;
  }

  /** The authorization token ECR hands out (base64 of {@code AWS:<password>}): a secret, never to be printed. */
  public String authorizationToken() {
    String password = wrongPassword ? "expired-" + registry.password().substring(8) : registry.password();
    return Base64.getEncoder().encodeToString((LocalRegistry.USERNAME + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * From now on (until {@code false}) tokens carry a password the registry refuses, as an expired or
   * revoked token would: {@code docker login} fails with 401.
   */
  public void handOutRefusedTokens(boolean refused) {
    wrongPassword = refused;
  }

  /** How many requests (attempts) WireMock received for {@code action}, e.g. {@code "GetAuthorizationToken"}. */
  public int requestsFor(String action) {
    return server.countRequestsMatching(postRequestedFor(anyUrl())
        .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + action)).build()).getCount();
  }

  /**
   * Who called {@code action}: {@code "ACCOUNT ROLE-NAME"} per distinct caller (the role its session
   * assumed, learned from STS answers in this JVM, or {@code -}), e.g.
   * {@code 111111111111 cdk-hnb659fds-image-publishing-role-111111111111-us-east-2}.
   */
  public Set<String> callers(String action) {
    Set<String> result = new TreeSet<>();
    callers.stream().filter(c -> c.startsWith(action + " ")).forEach(c -> result.add(c.substring(action.length() + 1)));
    return result;
  }

  /** Forgets the requests received and their callers (the repositories stay). */
  public void resetRequests() {
    server.resetRequests();
    callers.clear();
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public String toString() {
    return "WireMockEcr[" + endpoint() + " -> " + registry + "]";
  }

  private final class Answers implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      LoggedRequest request = event.getRequest();
      String action = request.getHeader("X-Amz-Target").substring(TARGET_PREFIX.length());
      Optional<Caller> caller = caller(request.getHeader("Authorization"));
      caller.ifPresent(c -> callers.add(action + " " + c.account() + " " + c.role().orElse("-")));
      if (caller.isEmpty()) {
        return error(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
      }
      JsonNode body;
      try {
        body = JSON.readTree(request.getBodyAsString().isEmpty() ? "{}" : request.getBodyAsString());
      } catch (IOException e) {
        return error(400, "SerializationException", "Start of structure or map found where not expected.");
      }
      return switch (action) {
        case "GetAuthorizationToken" -> ok(JSON.createObjectNode().set("authorizationData", JSON.createArrayNode()
            .add(JSON.createObjectNode()
                .put("authorizationToken", authorizationToken())
                .put("expiresAt", System.currentTimeMillis() / 1000.0 + 12 * 3600)
                .put("proxyEndpoint", registry.endpoint().toString()))));
        case "DescribeRepositories" -> describeRepositories(caller.get(), body);
        case "DescribeImages" -> describeImages(caller.get(), body);
        default -> error(400, "InvalidAction", "cdkj's ECR fixture does not serve " + action);
      };
    }

    private ResponseDefinition describeRepositories(Caller caller, JsonNode body) {
      var list = JSON.createArrayNode();
      for (JsonNode name : body.path("repositoryNames")) {
        Optional<Repository> repository = visible(caller, name.asText());
        if (repository.isEmpty()) {
          return repositoryNotFound(caller, name.asText());
        }
        Repository r = repository.get();
        list.add(JSON.createObjectNode()
            .put("repositoryArn", "arn:aws:ecr:" + r.region() + ":" + r.account() + ":repository/" + r.name())
            .put("registryId", r.account())
            .put("repositoryName", r.name())
            .put("repositoryUri", registry.host() + "/" + r.name())
            .put("createdAt", 1.7e9)
            .put("imageTagMutability", "IMMUTABLE"));
      }
      return ok(JSON.createObjectNode().set("repositories", list));
    }

    private ResponseDefinition describeImages(Caller caller, JsonNode body) {
      String name = body.path("repositoryName").asText();
      Optional<Repository> repository = visible(caller, name);
      if (repository.isEmpty()) {
        return repositoryNotFound(caller, name);
      }
      var details = JSON.createArrayNode();
      for (JsonNode id : body.path("imageIds")) {
        String tag = id.path("imageTag").asText();
        Optional<String> digest = registry.digest(name, tag);
        if (digest.isEmpty()) {
          return error(400, "ImageNotFoundException", "The image with imageId {imageDigest:'null', imageTag:'" + tag
              + "'} does not exist within the repository with name '" + name + "' in the registry with id '"
              + caller.account() + "'");
        }
        var detail = JSON.createObjectNode()
            .put("registryId", caller.account())
            .put("repositoryName", name)
            .put("imageDigest", digest.get())
            .put("imagePushedAt", 1.7e9)
            .put("imageManifestMediaType", "application/vnd.docker.distribution.manifest.v2+json");
        detail.putArray("imageTags").add(tag);
        details.add(detail);
      }
      return ok(JSON.createObjectNode().set("imageDetails", details));
    }

    private Optional<Repository> visible(Caller caller, String name) {
      return Optional.ofNullable(repositories.get(name))
          .filter(r -> r.account().equals(caller.account()) && r.region().equals(caller.region()));
    }

    private ResponseDefinition repositoryNotFound(Caller caller, String name) {
      return error(400, "RepositoryNotFoundException", "The repository with name '" + name
          + "' does not exist in the registry with id '" + caller.account() + "'");
    }

    private Optional<Caller> caller(String authorization) {
      Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
      if (!m.find()) {
        return Optional.empty();
      }
      String account = AwsCallLog.global().accountOf(m.group(1));
      return AwsCall.UNKNOWN.equals(account) ? Optional.empty()
          : Optional.of(new Caller(account, m.group(2), AwsCallLog.global().roleOf(m.group(1))));
    }

    private ResponseDefinition ok(JsonNode body) {
      return response(200, body.toString());
    }

    private ResponseDefinition error(int status, String type, String message) {
      return response(status, JSON.createObjectNode().put("__type", type).put("message", message).toString());
    }

    private ResponseDefinition response(int status, String body) {
      return aResponse().withStatus(status)
          .withHeader("Content-Type", "application/x-amz-json-1.1")
          .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
          .withBody(body).build();
    }
  }
}
