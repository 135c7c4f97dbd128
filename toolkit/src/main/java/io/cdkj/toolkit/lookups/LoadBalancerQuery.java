package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * The load balancer filter shared by {@code load-balancer} and {@code load-balancer-listener}:
 * {@code loadBalancerType} ({@code application} / {@code network}, always sent by aws-cdk-lib), and
 * {@code loadBalancerArn} or {@code loadBalancerTags} ({@code [{"key": .., "value": ..}]}, every one
 * must be on the load balancer).
 *
 * <p>Stateless, thread-safe.
 */
final class LoadBalancerQuery {

    /** DescribeTags takes at most 20 ARNs per call. */
    private static final int TAGS_PER_CALL = 20;

    private LoadBalancerQuery() {
    }

    /** The load balancers of {@code arn} (if given, else all), of the query's type and carrying its tags. */
    static List<LoadBalancer> matching(MissingContext query, Optional<String> arn, LookupClients clients) {
        ElasticLoadBalancingV2Client elbv2 = clients.elbv2();
        DescribeLoadBalancersRequest.Builder request = DescribeLoadBalancersRequest.builder();
        arn.ifPresent(request::loadBalancerArns);
        List<LoadBalancer> ofType;
        try {
            String type = query.text("loadBalancerType").orElse(null);
            ofType = elbv2.describeLoadBalancersPaginator(request.build()).loadBalancers().stream()
                    .filter(lb -> type == null || type.equals(lb.typeAsString()))
                    .toList();
        } catch (LoadBalancerNotFoundException e) {
            // An unknown ARN is refused by ELB; for the user it is "nothing matches".
            return List.of();
        }
        Map<String, String> wanted = wantedTags(query);
        if (wanted.isEmpty() || ofType.isEmpty()) {
            return ofType;
        }
        Set<String> tagged = taggedWithAll(elbv2, ofType.stream().map(LoadBalancer::loadBalancerArn).toList(), wanted);
        return ofType.stream().filter(lb -> tagged.contains(lb.loadBalancerArn())).toList();
    }

    /** Whether the query has {@code loadBalancerTags}. */
    static boolean hasTags(MissingContext query) {
        return query.props().path("loadBalancerTags").isArray();
    }

    private static Map<String, String> wantedTags(MissingContext query) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (JsonNode tag : query.props().path("loadBalancerTags")) {
            tags.put(tag.path("key").asText(), tag.path("value").asText());
        }
        return tags;
    }

    private static Set<String> taggedWithAll(ElasticLoadBalancingV2Client elbv2, List<String> arns,
                                             Map<String, String> wanted) {
        List<TagDescription> descriptions = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += TAGS_PER_CALL) {
            List<String> chunk = arns.subList(i, Math.min(i + TAGS_PER_CALL, arns.size()));
            descriptions.addAll(elbv2.describeTags(r -> r.resourceArns(chunk)).tagDescriptions());
        }
        return descriptions.stream()
                .filter(d -> {
                    Map<String, String> has = d.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> a));
                    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(has.get(e.getKey())));
                })
                .map(TagDescription::resourceArn)
                .collect(Collectors.toSet());
    }
}
