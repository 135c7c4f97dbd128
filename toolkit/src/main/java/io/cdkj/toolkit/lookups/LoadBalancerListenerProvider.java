package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * {@code load-balancer-listener}: the one listener with {@code listenerArn}, or of the load balancer
 * matching {@code loadBalancerArn} / {@code loadBalancerTags} with the optional {@code listenerPort}
 * and {@code listenerProtocol} ({@code ApplicationListener.fromLookup}), as {@code {"listenerArn",
 * "listenerPort", "securityGroupIds": [..]}} (the security groups of its load balancer).
 *
 * <p>Stateless, thread-safe.
 */
public final class LoadBalancerListenerProvider implements LookupProvider {

    @Override
    public String key() {
        return "load-balancer-listener";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        Optional<String> listenerArn = query.text("listenerArn");
        if (listenerArn.isEmpty() && query.text("loadBalancerArn").isEmpty() && !LoadBalancerQuery.hasTags(query)) {
            throw new LookupException("The load balancer listener query must specify at least one of: `listenerArn`,"
                    + " `loadBalancerArn` or `loadBalancerTags`");
        }
        if (listenerArn.isPresent()) {
            return byArn(query, listenerArn.get(), clients);
        }
        List<LoadBalancer> lbs = LoadBalancerQuery.matching(query, query.text("loadBalancerArn"), clients);
        if (lbs.isEmpty()) {
            throw new LookupException("No associated load balancers found for load balancer listener query "
                    + query.props() + " in account " + clients.environment().account() + ", region "
                    + clients.environment().region());
        }
        JsonNode port = query.props().path("listenerPort");
        Optional<String> protocol = query.text("listenerProtocol");
        List<Listener> listeners = new ArrayList<>();
        for (LoadBalancer lb : lbs) {
            clients.elbv2().describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()
                    .stream()
                    .filter(l -> !port.isNumber() || port.asInt() == l.port())
                    .filter(l -> protocol.isEmpty() || protocol.get().equals(l.protocolAsString()))
                    .forEach(listeners::add);
        }
        if (listeners.isEmpty()) {
            throw new LookupException("No load balancer listeners found matching " + query.props());
        }
        if (listeners.size() > 1) {
            throw new LookupException("Multiple load balancer listeners found matching " + query.props()
                    + " - please provide more specific criteria");
        }
        Listener listener = listeners.get(0);
        LoadBalancer owner = lbs.stream().filter(lb -> lb.loadBalancerArn().equals(listener.loadBalancerArn()))
                .findFirst().orElseThrow();
        return result(listener, owner);
    }

    private static JsonNode byArn(MissingContext query, String listenerArn, LookupClients clients) {
        Listener listener;
        try {
            listener = clients.elbv2().describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0);
        } catch (ListenerNotFoundException | IndexOutOfBoundsException e) {
            throw new LookupException("No load balancer listeners found matching arn " + listenerArn + " in account "
                    + clients.environment().account() + ", region " + clients.environment().region());
        }
        List<LoadBalancer> lbs = LoadBalancerQuery.matching(query, Optional.of(listener.loadBalancerArn()), clients);
        if (lbs.size() != 1) {
            throw new LookupException("No associated load balancer found for listener arn " + listenerArn);
        }
        return result(listener, lbs.get(0));
    }

    private static JsonNode result(Listener listener, LoadBalancer lb) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("listenerArn", listener.listenerArn());
        result.put("listenerPort", listener.port());
        result.set("securityGroupIds", LoadBalancerProvider.securityGroupIds(lb));
        return result;
    }
}
