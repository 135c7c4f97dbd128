package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * {@code load-balancer}: the one load balancer matching {@code loadBalancerType} and
 * {@code loadBalancerArn} or {@code loadBalancerTags} ({@code ApplicationLoadBalancer.fromLookup},
 * {@code NetworkLoadBalancer.fromLookup}), as {@code {"loadBalancerArn", "loadBalancerCanonicalHostedZoneId",
 * "loadBalancerDnsName", "vpcId", "securityGroupIds": [..], "ipAddressType": "ipv4" | "dualstack"}}.
 *
 * <p>Stateless, thread-safe.
 */
public final class LoadBalancerProvider implements LookupProvider {

    @Override
    public String key() {
        return "load-balancer";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        if (query.text("loadBalancerArn").isEmpty() && !LoadBalancerQuery.hasTags(query)) {
            throw new LookupException("The load balancer lookup query must specify either `loadBalancerArn` or"
                    + " `loadBalancerTags`");
        }
        LoadBalancer lb = only(query, LoadBalancerQuery.matching(query, query.text("loadBalancerArn"), clients), clients);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("loadBalancerArn", lb.loadBalancerArn());
        result.put("loadBalancerCanonicalHostedZoneId", lb.canonicalHostedZoneId());
        result.put("loadBalancerDnsName", lb.dnsName());
        result.put("vpcId", lb.vpcId());
        result.set("securityGroupIds", securityGroupIds(lb));
        // aws-cdk-lib knows two values; every non-ipv4 type (dualstack, dualstack-without-public-ipv4) is dual stack.
        result.put("ipAddressType", "ipv4".equals(lb.ipAddressTypeAsString()) ? "ipv4" : "dualstack");
        return result;
    }

    static LoadBalancer only(MissingContext query, List<LoadBalancer> found, LookupClients clients) {
        if (found.isEmpty()) {
            throw new LookupException("No load balancers found matching " + query.props() + " in account "
                    + clients.environment().account() + ", region " + clients.environment().region());
        }
        if (found.size() > 1) {
            throw new LookupException("Multiple load balancers found matching " + query.props()
                    + " - please provide more specific criteria");
        }
        return found.get(0);
    }

    static JsonNode securityGroupIds(LoadBalancer lb) {
        var ids = JsonNodeFactory.instance.arrayNode();
        lb.securityGroups().forEach(ids::add);
        return ids;
    }
}
