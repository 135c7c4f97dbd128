package io.cdkj.toolkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One security group ingress or egress rule (intrinsics rendered): the group it belongs to, the
 * protocol and ports, and the peer — a CIDR, another security group, or a prefix list.
 *
 * <p>Immutable; equal rules are equal records.
 *
 * @param groupId  the group ({@code GroupId}, or {@code ${Logical.GroupId}} for a group's inline rules)
 * @param protocol {@code IpProtocol} as text ({@code -1} is every protocol)
 * @param fromPort {@code FromPort} as written (a number, or absent)
 * @param toPort   {@code ToPort} as written
 * @param peer     who the rule lets in (or out to), if the rule names one
 */
record SecurityGroupRule(String groupId, String protocol, Optional<JsonNode> fromPort, Optional<JsonNode> toPort,
        Optional<Peer> peer) {

    /** The other end of a rule. */
    record Peer(Kind kind, String value) {
        /** What the peer is. */
        enum Kind { CIDR, SECURITY_GROUP, PREFIX_LIST }
    }

    SecurityGroupRule {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(fromPort, "fromPort");
        Objects.requireNonNull(toPort, "toPort");
        Objects.requireNonNull(peer, "peer");
    }

    /** The rule of a rendered rule object; {@code groupRef} is used when it names no {@code GroupId}. */
    static SecurityGroupRule of(JsonNode rule, Optional<String> groupRef) {
        String group = Optional.ofNullable(rule.path("GroupId").textValue()).or(() -> groupRef).orElse("*unknown*");
        JsonNode protocol = rule.get("IpProtocol");
        return new SecurityGroupRule(group, protocol == null || protocol.isNull() ? "*unknown*" : protocol.asText(),
                Optional.ofNullable(rule.get("FromPort")), Optional.ofNullable(rule.get("ToPort")), peer(rule));
    }

    private static Optional<Peer> peer(JsonNode rule) {
        return first(rule, List.of("CidrIp", "CidrIpv6"), Peer.Kind.CIDR)
                .or(() -> first(rule, List.of("DestinationSecurityGroupId", "SourceSecurityGroupId"),
                        Peer.Kind.SECURITY_GROUP))
                .or(() -> first(rule, List.of("DestinationPrefixListId", "SourcePrefixListId"), Peer.Kind.PREFIX_LIST));
    }

    private static Optional<Peer> first(JsonNode rule, List<String> keys, Peer.Kind kind) {
        return keys.stream().filter(rule::has).findFirst().map(k -> new Peer(kind, rule.get(k).asText()));
    }

    /** {@code Everything}, {@code All TCP}, {@code TCP 443} or {@code TCP 1024-2048}. */
    String describeProtocol() {
        if (protocol.equals("-1")) {
            return "Everything";
        }
        String name = protocol.toUpperCase(Locale.ROOT);
        if (fromPort.isEmpty() && toPort.isEmpty()) {
            return name;
        }
        String from = fromPort.map(JsonNode::asText).orElse("?");
        String to = toPort.map(JsonNode::asText).orElse("?");
        if (from.equals("-1")) {
            return "All " + name;
        }
        return from.equals(to) ? name + " " + from : name + " " + from + "-" + to;
    }

    /** {@code Everyone (IPv4)}, {@code Everyone (IPv6)}, the CIDR, group or prefix list, or {@code ?}. */
    String describePeer() {
        return peer.map(p -> p.kind() == Peer.Kind.CIDR && p.value().equals("0.0.0.0/0") ? "Everyone (IPv4)"
                : p.kind() == Peer.Kind.CIDR && p.value().equals("::/0") ? "Everyone (IPv6)" : p.value()).orElse("?");
    }
}
