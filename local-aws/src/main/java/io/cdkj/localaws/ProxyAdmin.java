package io.cdkj.localaws;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link LatencyProxy}'s own endpoints under {@value LatencyProxy#ADMIN}, for scripts such as
 * {@code bench/run} that run the proxy in another process ({@link LocalAwsMain} {@code --latency}):
 * <pre>
 *   GET  calls       200, one line per service, operation and account: "sts\tAssumeRole\t111111111111\t3"
 *   POST reset       204, forgets the counts
 *   POST delay?ms=N  204, sets the delay
 * </pre>
 * Stateless and thread-safe.
 */
final class ProxyAdmin {

  private static final Pattern MILLIS = Pattern.compile("(?:^|&)ms=(\\d+)");

  private ProxyAdmin() {
  }

  static void answer(HttpExchange exchange, String command, LatencyProxy proxy) throws IOException {
    exchange.getRequestBody().readAllBytes(); // ignored
    String method = exchange.getRequestMethod();
    if (command.equals("calls") && method.equals("GET")) {
      StringBuilder text = new StringBuilder();
      counts(proxy.calls()).forEach((key, count) -> text.append(key).append('\t').append(count).append('\n'));
      byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/tab-separated-values; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } else if (command.equals("reset") && method.equals("POST")) {
      proxy.reset();
      exchange.sendResponseHeaders(204, -1);
    } else if (command.equals("delay") && method.equals("POST")) {
      Matcher ms = MILLIS.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
      if (!ms.find()) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      proxy.delay(Duration.ofMillis(Long.parseLong(ms.group(1))));
      exchange.sendResponseHeaders(204, -1);
    } else {
      exchange.sendResponseHeaders(404, -1);
    }
  }

  /** Calls by "service\toperation\taccount", sorted; services in lower case (their signing names). */
  static Map<String, Long> counts(AwsCallLog log) {
    Map<String, Long> counts = new TreeMap<>();
    for (AwsCall call : log.calls()) {
      counts.merge(call.service().toLowerCase(java.util.Locale.ROOT) + "\t" + call.operation() + "\t" + call.account(),
          1L, Long::sum);
    }
    return counts;
  }
}
