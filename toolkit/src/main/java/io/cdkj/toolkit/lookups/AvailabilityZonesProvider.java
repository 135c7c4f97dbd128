package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdkj.toolkit.assembly.MissingContext;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;

/**
 * {@code availability-zones}: the names of the region's zones in state {@code available}, as a JSON
 * array of strings ({@code Stack.availabilityZones}).
 *
 * <p>Stateless, thread-safe.
 */
public final class AvailabilityZonesProvider implements LookupProvider {

    @Override
    public String key() {
        return "availability-zones";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        ArrayNode zones = JsonNodeFactory.instance.arrayNode();
        for (AvailabilityZone zone : clients.ec2().describeAvailabilityZones().availabilityZones()) {
            if (zone.state() == AvailabilityZoneState.AVAILABLE) {
                zones.add(zone.zoneName());
            }
        }
        return zones;
    }
}
