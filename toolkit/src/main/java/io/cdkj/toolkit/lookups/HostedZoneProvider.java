package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;

/**
 * {@code hosted-zone}: the one hosted zone named {@code domainName} (public, or private with
 * {@code privateZone}, optionally associated with {@code vpcId}), as {@code {"Id": "/hostedzone/Z..",
 * "Name": "example.com."}} ({@code HostedZone.fromLookup}).
 *
 * <p>Stateless, thread-safe.
 */
public final class HostedZoneProvider implements LookupProvider {

    @Override
    public String key() {
        return "hosted-zone";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        String domain = query.text("domainName")
                .orElseThrow(() -> new LookupException("HostedZoneProvider requires the domainName property"));
        boolean privateZone = query.props().path("privateZone").asBoolean(false);
        Optional<String> vpcId = query.text("vpcId");
        String fqdn = domain.endsWith(".") ? domain : domain + ".";
        Route53Client route53 = clients.route53();
        List<HostedZone> candidates = route53.listHostedZonesByName(r -> r.dnsName(domain)).hostedZones().stream()
                .filter(zone -> zone.name().equals(fqdn))
                .filter(zone -> isPrivate(zone) == privateZone)
                .filter(zone -> vpcId.isEmpty() || associatedWith(route53, zone, vpcId.get()))
                .toList();
        if (candidates.size() != 1) {
            throw new LookupException("Found " + candidates.size() + " hosted zones "
                    + candidates.stream().map(HostedZone::id).collect(Collectors.joining(", ", "[", "]"))
                    + " for dns:" + domain + ", privateZone:" + privateZone + ", vpcId:" + vpcId.orElse("undefined")
                    + " in account " + clients.environment().account() + ", but wanted exactly 1 zone");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("Id", candidates.get(0).id());
        result.put("Name", candidates.get(0).name());
        return result;
    }

    private static boolean isPrivate(HostedZone zone) {
        return zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone());
    }

    private static boolean associatedWith(Route53Client route53, HostedZone zone, String vpcId) {
        // The SDK puts the id into the URL path as given; ids are listed as /hostedzone/ID.
        String id = zone.id().substring(zone.id().lastIndexOf('/') + 1);
        return route53.getHostedZone(r -> r.id(id)).vpCs().stream().anyMatch(vpc -> vpcId.equals(vpc.vpcId()));
    }
}
