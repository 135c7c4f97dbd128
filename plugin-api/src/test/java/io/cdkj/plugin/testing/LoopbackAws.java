package io.cdkj.plugin.testing;

import com.sun.net.httpserver.HttpServer;
import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for every AWS endpoint that answers each request with an error and counts it, so a test
 * can prove that a plugin made no AWS call. It listens on a free loopback port; {@link #routeHere}
 * points a request's environment ({@code AWS_ENDPOINT_URL}) at it, and, while open, the SDK's
 * JVM-wide {@code aws.endpointUrl} system property too (the previous value is restored on
 * {@link #close()}). System properties are JVM-global: not for tests that run in parallel.
 */
final class LoopbackAws implements AutoCloseable {

    static final String ENDPOINT_PROPERTY = "aws.endpointUrl";
    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final String previousEndpoint;

    private LoopbackAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "the plugin contract test allows no AWS call here".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        previousEndpoint = System.setProperty(ENDPOINT_PROPERTY, url());
    }

    /** Starts the endpoint and routes the SDK's clients to it until {@link #close()}. */
    static LoopbackAws start() {
        try {
            return new LoopbackAws();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The request, with {@code AWS_ENDPOINT_URL} in its environment pointing here. */
    CredentialRequest routeHere(CredentialRequest request) {
        Map<String, String> environment = new HashMap<>(request.configuration().environment());
        environment.put(ENDPOINT_VARIABLE, url());
        return request.toBuilder()
                .configuration(Configuration.of(request.configuration().context(), environment))
                .build();
    }

    /** How many requests arrived. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        if (previousEndpoint == null) {
            System.clearProperty(ENDPOINT_PROPERTY);
        } else {
            System.setProperty(ENDPOINT_PROPERTY, previousEndpoint);
        }
        server.stop(0);
    }
}
