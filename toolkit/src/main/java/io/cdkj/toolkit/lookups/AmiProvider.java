package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * {@code ami}: the id of the newest image matching the query's {@code owners} and {@code filters}
 * ({@code MachineImage.lookup}), as a JSON string.
 *
 * <p>Stateless, thread-safe.
 */
public final class AmiProvider implements LookupProvider {

    @Override
    public String key() {
        return "ami";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        JsonNode props = query.props();
        List<Filter> filters = new ArrayList<>();
        props.path("filters").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            filters.add(Filter.builder().name(e.getKey()).values(values).build());
        });
        DescribeImagesRequest.Builder request = DescribeImagesRequest.builder().filters(filters);
        if (props.path("owners").isArray() && !props.path("owners").isEmpty()) {
            List<String> owners = new ArrayList<>();
            props.path("owners").forEach(o -> owners.add(o.asText()));
            request.owners(owners);
        }
        return clients.ec2().describeImages(request.build()).images().stream()
                .filter(image -> image.imageId() != null)
                .max(Comparator.comparing(AmiProvider::created))
                .map(image -> (JsonNode) TextNode.valueOf(image.imageId()))
                .orElseThrow(() -> new LookupException("No AMI found that matched the search criteria in account "
                        + clients.environment().account() + ", region " + clients.environment().region()));
    }

    private static Instant created(Image image) {
        try {
            return image.creationDate() == null ? Instant.EPOCH : Instant.parse(image.creationDate());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
