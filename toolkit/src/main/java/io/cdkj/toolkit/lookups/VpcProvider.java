package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpnGateway;

/**
 * {@code vpc-provider}: the one VPC matching the query's {@code filter}, with its subnets classified
 * (tag {@code aws-cdk:subnet-type}, else public when it maps public IPs or routes to an internet
 * gateway, private when it routes 0.0.0.0/0 to a NAT or transit gateway, else isolated) and grouped
 * by type and name ({@code aws-cdk:subnet-name} or the query's {@code subnetGroupNameTag}). The
 * answer is aws-cdk-lib's {@code VpcContextResponse}: per-type id/name/route-table lists for
 * symmetric VPCs, or {@code subnetGroups} when the query sets {@code returnAsymmetricSubnets}
 * (what {@code Vpc.fromLookup} does today).
 *
 * <p>Stateless, thread-safe.
 */
public final class VpcProvider implements LookupProvider {

    private static final List<String> TYPES = List.of("Public", "Private", "Isolated");

    @Override
    public String key() {
        return "vpc-provider";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        JsonNode props = query.props();
        Ec2Client ec2 = clients.ec2();
        Vpc vpc = findVpc(ec2, props, clients);
        Filter byVpc = Filter.builder().name("vpc-id").values(vpc.vpcId()).build();
        List<Subnet> listed = ec2.describeSubnets(r -> r.filters(byVpc)).subnets();
        RouteTables routeTables = new RouteTables(ec2.describeRouteTables(r -> r.filters(byVpc)).routeTables());
        Optional<String> groupNameTag = Optional.ofNullable(props.path("subnetGroupNameTag").textValue());
        List<SubnetInfo> subnets = listed.stream().map(s -> classify(s, routeTables, groupNameTag)).toList();

        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("vpcId", vpc.vpcId());
        result.put("vpcCidrBlock", vpc.cidrBlock());
        if (vpc.ownerId() != null) {
            result.put("ownerAccountId", vpc.ownerId());
        }
        Map<String, List<SubnetInfo>> groups = group(subnets);
        if (props.path("returnAsymmetricSubnets").asBoolean(false)) {
            result.set("availabilityZones", JsonNodeFactory.instance.arrayNode());
            result.set("subnetGroups", asymmetricGroups(groups));
        } else {
            symmetric(groups, result);
        }
        if (props.path("returnVpnGateways").asBoolean(true)) {
            vpnGateway(ec2, vpc.vpcId()).ifPresent(id -> result.put("vpnGatewayId", id));
        }
        return result;
    }

    private static Vpc findVpc(Ec2Client ec2, JsonNode props, LookupClients clients) {
        List<Filter> filters = new ArrayList<>();
        props.path("filter").properties().forEach(e ->
                filters.add(Filter.builder().name(e.getKey()).values(e.getValue().asText()).build()));
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(filters)).vpcs();
        String where = " in account " + clients.environment().account() + ", region " + clients.environment().region();
        if (vpcs.isEmpty()) {
            throw new LookupException("Could not find any VPCs matching " + props.path("filter") + where);
        }
        if (vpcs.size() > 1) {
            throw new LookupException("Found " + vpcs.size() + " VPCs matching " + props.path("filter") + where
                    + "; please narrow the search criteria");
        }
        return vpcs.get(0);
    }

    private static SubnetInfo classify(Subnet subnet, RouteTables routeTables, Optional<String> groupNameTag) {
        String id = subnet.subnetId();
        String type = tag(subnet, "aws-cdk:subnet-type")
                .or(() -> Boolean.TRUE.equals(subnet.mapPublicIpOnLaunch()) ? Optional.of("Public") : Optional.empty())
                .or(() -> routeTables.routesToInternetGateway(id) ? Optional.of("Public") : Optional.empty())
                .or(() -> routeTables.routesToNatGateway(id) ? Optional.of("Private") : Optional.empty())
                .or(() -> routeTables.routesToTransitGateway(id) ? Optional.of("Private") : Optional.empty())
                .orElse("Isolated");
        if (!TYPES.contains(type)) {
            throw new LookupException("Subnet " + subnet.subnetArn() + " has invalid subnet type " + type
                    + " (must be Public, Private or Isolated)");
        }
        if (groupNameTag.isPresent() && tag(subnet, groupNameTag.get()).isEmpty()) {
            throw new LookupException("Invalid subnetGroupNameTag: Subnet " + subnet.subnetArn()
                    + " does not have an associated tag with Key='" + groupNameTag.get() + "'");
        }
        String name = tag(subnet, groupNameTag.orElse("aws-cdk:subnet-name")).orElse(type);
        String routeTableId = routeTables.routeTableIdFor(id).orElseThrow(() -> new LookupException("Subnet "
                + subnet.subnetArn() + " does not have an associated route table (and there is no \"main\" table)"));
        return new SubnetInfo(subnet.availabilityZone(), subnet.cidrBlock(), type, name, id, routeTableId);
    }

    /** Groups by (type, name) in first-seen order, each sorted by AZ. */
    private static Map<String, List<SubnetInfo>> group(List<SubnetInfo> subnets) {
        Map<String, List<SubnetInfo>> groups = new LinkedHashMap<>();
        for (SubnetInfo s : subnets) {
            groups.computeIfAbsent(s.type() + "," + s.name(), k -> new ArrayList<>()).add(s);
        }
        groups.values().forEach(g -> g.sort(Comparator.comparing(SubnetInfo::az)));
        return groups;
    }

    private static void symmetric(Map<String, List<SubnetInfo>> groups, ObjectNode result) {
        List<String> azs = groups.isEmpty() ? List.of()
                : groups.values().iterator().next().stream().map(SubnetInfo::az).toList();
        for (List<SubnetInfo> group : groups.values()) {
            List<String> groupAzs = group.stream().map(SubnetInfo::az).toList();
            if (!groupAzs.equals(azs)) {
                throw new LookupException("Not all subnets in VPC have the same AZs: " + groupAzs + " vs " + azs);
            }
        }
        ArrayNode zones = result.putArray("availabilityZones");
        azs.forEach(zones::add);
        for (String type : TYPES) {
            List<List<SubnetInfo>> ofType = groups.values().stream().filter(g -> g.get(0).type().equals(type)).toList();
            String prefix = type.toLowerCase();
            putIfNotEmpty(result, prefix + "SubnetIds", ofType, SubnetInfo::subnetId, false);
            putIfNotEmpty(result, prefix + "SubnetNames", ofType, SubnetInfo::name, true);
            putIfNotEmpty(result, prefix + "SubnetRouteTableIds", ofType, SubnetInfo::routeTableId, false);
        }
    }

    private static void putIfNotEmpty(ObjectNode result, String field, List<List<SubnetInfo>> groups,
                                      Function<SubnetInfo, String> value, boolean oncePerGroup) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (List<SubnetInfo> group : groups) {
            if (oncePerGroup) {
                values.add(value.apply(group.get(0)));
            } else {
                group.forEach(s -> values.add(value.apply(s)));
            }
        }
        if (!values.isEmpty()) {
            result.set(field, values);
        }
    }

    private static ArrayNode asymmetricGroups(Map<String, List<SubnetInfo>> groups) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (List<SubnetInfo> group : groups.values()) {
            ObjectNode g = result.addObject();
            g.put("name", group.get(0).name());
            g.put("type", group.get(0).type());
            ArrayNode subnets = g.putArray("subnets");
            for (SubnetInfo s : group) {
                ObjectNode subnet = subnets.addObject();
                subnet.put("subnetId", s.subnetId());
                subnet.put("cidr", s.cidr());
                subnet.put("availabilityZone", s.az());
                subnet.put("routeTableId", s.routeTableId());
            }
        }
        return result;
    }

    private static Optional<String> vpnGateway(Ec2Client ec2, String vpcId) {
        List<VpnGateway> gateways = ec2.describeVpnGateways(r -> r.filters(
                Filter.builder().name("attachment.vpc-id").values(vpcId).build(),
                Filter.builder().name("attachment.state").values("attached").build(),
                Filter.builder().name("state").values("available").build())).vpnGateways();
        return gateways.size() == 1 ? Optional.ofNullable(gateways.get(0).vpnGatewayId()) : Optional.empty();
    }

    private static Optional<String> tag(Subnet subnet, String key) {
        return subnet.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst();
    }

    private record SubnetInfo(String az, String cidr, String type, String name, String subnetId, String routeTableId) {
    }
}
