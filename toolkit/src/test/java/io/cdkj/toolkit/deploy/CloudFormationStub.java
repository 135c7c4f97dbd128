package io.cdkj.toolkit.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;

/**
 * A WireMock stand-in for CloudFormation's Query API: each action answers a given sequence of
 * responses in order (the last one repeats), so a test scripts what the service says at each poll.
 */
public final class CloudFormationStub implements AutoCloseable {

    /** One scripted answer. */
    public record Reply(int status, String body) {
        public static Reply ok(String body) {
            return new Reply(200, body);
        }

        public static Reply error(String body) {
            return new Reply(400, body);
        }
    }

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    public CloudFormationStub() {
        server.start();
    }

    public String endpoint() {
        return server.baseUrl();
    }

    /** The WireMock server, for stubs the scripted sequences cannot express (a stalled answer). */
    public WireMockServer server() {
        return server;
    }

    /** {@code action} answers {@code replies} in order, then keeps answering the last one. */
    public void on(String action, Reply... replies) {
        String scenario = action;
        for (int i = 0; i < replies.length; i++) {
            String state = i == 0 ? Scenario.STARTED : action + "#" + i;
            var stub = post(urlEqualTo("/"))
                    .withRequestBody(containing("Action=" + action + "&"))
                    .atPriority(5)
                    .inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(replies[i].status())
                            .withHeader("Content-Type", "text/xml")
                            .withHeader("x-amzn-RequestId", "b9b4b068-3a41-11e5-94eb-example")
                            .withBody(replies[i].body())
                            // bodies may use WireMock's templates, e.g. {{now offset='40 seconds'}}
                            .withTransformers("response-template"));
            if (i + 1 < replies.length) {
                stub = stub.willSetStateTo(action + "#" + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    /**
     * Requests of {@code action} whose body also contains {@code fragment} (e.g. {@code NextToken=page2})
     * always get {@code reply}, ahead of (and without advancing) the action's sequence.
     */
    public void onRequestContaining(String action, String fragment, Reply reply) {
        server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing(fragment))
                .willReturn(aResponse().withStatus(reply.status()).withHeader("Content-Type", "text/xml")
                        .withBody(reply.body())));
    }

    /** How many requests named {@code action}. */
    public int count(String action) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&")).build()).getCount();
    }

    /** The bodies of the requests named {@code action}, in order. */
    public List<String> bodies(String action) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")))
                .stream().map(r -> r.getBodyAsString()).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
