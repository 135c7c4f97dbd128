package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

/**
 * {@code endpoint-service-availability-zones}: the availability zone names in which the VPC endpoint
 * service {@code serviceName} is offered ({@code InterfaceVpcEndpoint} with
 * {@code lookupSupportedAzs}), as a JSON array of strings; an empty array when EC2 returns no
 * details for the service, like the aws-cdk-cli.
 *
 * <p>Stateless, thread-safe.
 */
public final class EndpointServiceAvailabilityZonesProvider implements LookupProvider {

    @Override
    public String key() {
        return "endpoint-service-availability-zones";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        String serviceName = query.text("serviceName").orElseThrow(() -> new LookupException(
                "serviceName must be provided in props for the endpoint-service-availability-zones provider"));
        List<ServiceDetail> details;
        try {
            details = clients.ec2().describeVpcEndpointServices(r -> r.serviceNames(serviceName)).serviceDetails();
        } catch (Ec2Exception e) {
            // EC2 refuses unknown names; say which name, and where, instead of EC2's bare code.
            if (e.awsErrorDetails() != null && "InvalidServiceName".equals(e.awsErrorDetails().errorCode())) {
                throw new LookupException("No VPC endpoint service named " + serviceName + " in account "
                        + clients.environment().account() + ", region " + clients.environment().region()
                        + ": check the service name, and that the service is shared with this account");
            }
            throw e;
        }
        ArrayNode zones = JsonNodeFactory.instance.arrayNode();
        if (!details.isEmpty()) {
            details.get(0).availabilityZones().forEach(zones::add);
        }
        return zones;
    }
}
