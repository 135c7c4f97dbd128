package io.cdkj.localaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Throttling in a {@link LatencyProxy}: the next {@code times} matching STS requests are answered as
 * STS answers when its request-rate quota is exceeded (HTTP 400, the query protocol's
 * {@code ErrorResponse} with code {@code Throttling}, "Rate exceeded") instead of being forwarded.
 * moto never throttles, so this is how a test drives a client's handling of it. Throttled requests are
 * still counted as calls: they went over the wire.
 *
 * <p>Thread-safe.
 */
public final class ProxyThrottle {

  /** STS's real error body for a throttled call (query protocol, 2011-06-15 API). */
  static final byte[] STS_THROTTLING = ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
      + "<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
      + "<RequestId>c0ffee00-0000-4000-8000-000000000429</RequestId></ErrorResponse>")
      .getBytes(StandardCharsets.UTF_8);

  private final String operation;
  private int left;
  private int throttled;

  ProxyThrottle(String operation, int times) {
    this.operation = Objects.requireNonNull(operation, "operation");
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, got " + times);
    }
    this.left = times;
  }

  /** How many requests were throttled so far. */
  public synchronized int throttled() {
    return throttled;
  }

  /** True when {@code call} is to be answered with throttling (and counts it). */
  synchronized boolean take(AwsCall call) {
    if (left == 0 || !call.service().equalsIgnoreCase("sts") || !call.operation().equals(operation)) {
      return false;
    }
    left--;
    throttled++;
    return true;
  }

  /** Sends STS's throttling answer. */
  static void answer(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    exchange.sendResponseHeaders(400, STS_THROTTLING.length);
    exchange.getResponseBody().write(STS_THROTTLING);
  }

  @Override
  public synchronized String toString() {
    return "ProxyThrottle[sts/" + operation + ", " + throttled + " throttled, " + left + " to go]";
  }
}
