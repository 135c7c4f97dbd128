package io.cdkj.localaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of an AWS endpoint (moto, WireMock, anything) that adds a fixed
 * delay to every request — the round trip to a distant region — and counts the requests per service,
 * operation and account ({@link ProxiedRequest}, {@link StsResponses}), whichever SDK or process
 * sends them: point {@code AWS_ENDPOINT_URL} at {@link #endpoint()}. Requests run concurrently (one
 * thread each), so the delay overlaps as it would on a network. {@link #gate} holds matching
 * requests until a number of them are in flight together: a proof of concurrency by counting, not
 * timing. {@link #throttle} answers some STS requests with throttling, as STS does over its quota.
 *
 * <p>Paths under {@value #ADMIN} are the proxy's own, for scripts: {@code GET calls} (tab-separated
 * {@code service operation account count} lines), {@code POST reset}, {@code POST delay?ms=N}. They are
 * neither delayed nor counted, nor are moto's {@code /moto-api/} calls.
 *
 * <p>HEAD responses keep the target's {@code Content-Length}; bodies are buffered whole (fine for
 * API calls, not meant for large uploads). Thread-safe; {@link #close()} stops it.
 */
public final class LatencyProxy implements AutoCloseable {

  /** Path prefix of the proxy's own endpoints. */
  public static final String ADMIN = "/cdkj-proxy/";

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
      "trailer", "upgrade", "proxy-authorization", "proxy-connection", "content-length", "host", "expect", "date");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient client;
  private final AwsCallLog calls = new AwsCallLog();
  private final List<ProxyGate> gates = new CopyOnWriteArrayList<>();
  private final List<ProxyThrottle> throttles = new CopyOnWriteArrayList<>();
  private final AtomicLong delayNanos;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final Sleeper sleeper;

  /** Waits out the delay; tests substitute one that records it. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration delay) throws InterruptedException;
  }

  private LatencyProxy(URI target, Duration delay, Sleeper sleeper) throws IOException {
    this.target = Objects.requireNonNull(target, "target");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.delayNanos = new AtomicLong(delay.toNanos());
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "cdkj-latency-proxy-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a proxy on a free loopback port that forwards to {@code target} after {@code delay}.
   *
   * @throws IllegalStateException if no loopback port can be bound
   */
  public static LatencyProxy start(URI target, Duration delay) {
    return start(target, delay, LatencyProxy::sleep);
  }

  static LatencyProxy start(URI target, Duration delay, Sleeper sleeper) {
    try {
      return new LatencyProxy(target, delay, sleeper);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the latency proxy on loopback: " + e.getMessage(), e);
    }
  }

  /** The proxy's base URL, e.g. {@code http://127.0.0.1:41234}; use it as {@code AWS_ENDPOINT_URL}. */
  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  /** Sets the delay added to each request from now on. */
  public void delay(Duration delay) {
    delayNanos.set(delay.toNanos());
  }

  /** The requests forwarded since the last {@link #reset()}, with accounts learned from STS responses. */
  public AwsCallLog calls() {
    return calls;
  }

  /** The most requests that were in flight at once since the last {@link #reset()}. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** Forgets the counted calls, the gates, the throttles and the in-flight maximum (not the learned accounts). */
  public void reset() {
    calls.reset();
    gates.clear();
    throttles.clear();
    maxInFlight.set(inFlight.get());
  }

  /**
   * Holds each request for {@code service}/{@code operation} (service compared ignoring case, e.g.
   * {@code "sts"}, {@code "AssumeRole"}) until {@code parties} of them have arrived, then lets them
   * all go; if that does not happen within {@code timeout}, each lets go after waiting that long and
   * {@link ProxyGate#opened()} stays false.
   */
  public ProxyGate gate(String service, String operation, int parties, Duration timeout) {
    ProxyGate gate = new ProxyGate(service, operation, parties, timeout);
    gates.add(gate);
    return gate;
  }

  /**
   * Answers the next {@code times} STS {@code operation} requests (e.g. {@code "AssumeRole"}) with STS's
   * throttling error instead of forwarding them.
   */
  public ProxyThrottle throttle(String operation, int times) {
    ProxyThrottle throttle = new ProxyThrottle(operation, times);
    throttles.add(throttle);
    return throttle;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith(ADMIN)) {
        ProxyAdmin.answer(exchange, path.substring(ADMIN.length()), this);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean aws = !path.startsWith("/moto-api/");
      AwsCall call = describe(exchange, body);
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        if (aws) {
          for (ProxyGate gate : gates) {
            gate.pass(call);
          }
          sleeper.sleep(Duration.ofNanos(delayNanos.get()));
          if (throttles.stream().anyMatch(t -> t.take(call))) {
            calls.record(call);
            ProxyThrottle.answer(exchange);
            return;
          }
        }
        HttpResponse<byte[]> response;
        try {
          response = forward(exchange, body);
        } catch (IOException e) {
          byte[] message = ("latency proxy: " + target + " did not answer: " + e).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(502, message.length);
          exchange.getResponseBody().write(message);
          return;
        }
        if (aws) {
          calls.record(call);
          StsResponses.learn(call, new String(response.body(), StandardCharsets.UTF_8), calls);
        }
        reply(exchange, response);
      } finally {
        inFlight.decrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static AwsCall describe(HttpExchange exchange, byte[] body) {
    var headers = exchange.getRequestHeaders();
    boolean form = Optional.ofNullable(headers.getFirst("Content-Type"))
        .map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")).orElse(false);
    return ProxiedRequest.describe(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        Optional.ofNullable(exchange.getRequestURI().getRawQuery()), Optional.ofNullable(headers.getFirst("Authorization")),
        Optional.ofNullable(headers.getFirst("X-Amz-Target")),
        form ? Optional.of(new String(body, StandardCharsets.UTF_8)) : Optional.empty());
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
    URI uri = target.resolve(exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
        .method(exchange.getRequestMethod(), body.length == 0 && !hasBody(exchange)
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static boolean hasBody(HttpExchange exchange) {
    return exchange.getRequestHeaders().containsKey("Content-Length")
        || exchange.getRequestHeaders().containsKey("Transfer-Encoding");
  }

  private static void reply(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) || head && lower.equals("content-length")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    byte[] body = response.body();
    int status = response.statusCode();
    boolean empty = head || body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sleep(Duration delay) throws InterruptedException {
    if (!delay.isZero() && !delay.isNegative()) {
      Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
    }
  }

  /** Stops accepting requests and ends the proxy's threads. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "LatencyProxy[" + endpoint() + " -> " + target + ", delay " + Duration.ofNanos(delayNanos.get()).toMillis()
        + " ms]";
  }
}
