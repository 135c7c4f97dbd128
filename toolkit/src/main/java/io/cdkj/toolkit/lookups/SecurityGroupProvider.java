package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * {@code security-group}: the one security group with {@code securityGroupId}, or named
 * {@code securityGroupName} (optionally in {@code vpcId}), as {@code {"securityGroupId": "sg-..",
 * "allowAllOutbound": true}} ({@code SecurityGroup.fromLookupById/ByName}).
 *
 * <p>{@code allowAllOutbound} is true only when the egress rules contain an all-protocols rule to
 * {@code 0.0.0.0/0} AND one to {@code ::/0}, the aws-cdk-cli rule: a group created by EC2 with only
 * the IPv4 default egress rule therefore reports {@code false}.
 *
 * <p>Stateless, thread-safe.
 */
public final class SecurityGroupProvider implements LookupProvider {

    @Override
    public String key() {
        return "security-group";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        Optional<String> id = query.text("securityGroupId");
        Optional<String> name = query.text("securityGroupName");
        if (id.isPresent() && name.isPresent()) {
            throw new LookupException("'securityGroupId' and 'securityGroupName' can not be specified both when"
                    + " looking up a security group");
        }
        if (id.isEmpty() && name.isEmpty()) {
            throw new LookupException("'securityGroupId' or 'securityGroupName' must be specified to look up a"
                    + " security group");
        }
        List<Filter> filters = new ArrayList<>();
        query.text("vpcId").ifPresent(vpc -> filters.add(Filter.builder().name("vpc-id").values(vpc).build()));
        name.ifPresent(n -> filters.add(Filter.builder().name("group-name").values(n).build()));
        DescribeSecurityGroupsRequest.Builder request = DescribeSecurityGroupsRequest.builder();
        id.ifPresent(request::groupIds);
        if (!filters.isEmpty()) {
            request.filters(filters);
        }
        List<SecurityGroup> groups;
        try {
            groups = clients.ec2().describeSecurityGroups(request.build()).securityGroups();
        } catch (Ec2Exception e) {
            // EC2 refuses an unknown id instead of returning nothing; for the user both mean "not found".
            if (e.awsErrorDetails() != null && "InvalidGroup.NotFound".equals(e.awsErrorDetails().errorCode())) {
                groups = List.of();
            } else {
                throw e;
            }
        }
        if (groups.isEmpty()) {
            throw new LookupException("No security groups found matching " + query.props() + " in account "
                    + clients.environment().account() + ", region " + clients.environment().region());
        }
        if (groups.size() > 1) {
            throw new LookupException("More than one security groups found matching " + query.props()
                    + ": specify vpcId or securityGroupId");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("securityGroupId", groups.get(0).groupId());
        result.put("allowAllOutbound", allowsAllOutbound(groups.get(0)));
        return result;
    }

    static boolean allowsAllOutbound(SecurityGroup group) {
        boolean ipv4 = false;
        boolean ipv6 = false;
        for (IpPermission rule : group.ipPermissionsEgress()) {
            if ("-1".equals(rule.ipProtocol())) {
                ipv4 |= rule.ipRanges().stream().anyMatch(r -> "0.0.0.0/0".equals(r.cidrIp()));
                ipv6 |= rule.ipv6Ranges().stream().anyMatch(r -> "::/0".equals(r.cidrIpv6()));
            }
        }
        return ipv4 && ipv6;
    }
}
