package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudcontrol.CloudControlClient;
import software.amazon.awssdk.services.cloudcontrol.model.ListResourcesResponse;
import software.amazon.awssdk.services.cloudcontrol.model.ResourceDescription;
import software.amazon.awssdk.services.cloudcontrol.model.ResourceNotFoundException;

/**
 * {@code cc-api-provider}: resources of {@code typeName} read through Cloud Control, either the one
 * with {@code exactIdentifier} (GetResource) or those whose properties equal every entry of
 * {@code propertyMatch} (ListResources, all pages, with the optional {@code resourceModel}), checked
 * against {@code expectedMatchCount}. The answer is a JSON array with, per resource, an object of
 * the {@code propertiesToReturn} (dotted paths kept as keys) plus {@code Identifier}.
 *
 * <p>When nothing is found and {@code ignoreErrorOnMissingContext} is set, {@code dummyValue} (an
 * array of objects) is the answer, like the aws-cdk-cli.
 *
 * <p>Stateless, thread-safe.
 */
public final class CcApiProvider implements LookupProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String key() {
        return "cc-api-provider";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        JsonNode props = query.props();
        boolean hasId = query.text("exactIdentifier").isPresent();
        boolean hasMatch = props.path("propertyMatch").isObject();
        boolean ignoreMissing = props.path("ignoreErrorOnMissingContext").asBoolean(false);
        JsonNode dummy = props.get("dummyValue");
        if (hasId && hasMatch) {
            throw new LookupException("Provider protocol error: specify either exactIdentifier or propertyMatch, but"
                    + " not both (got " + props + ")");
        }
        if (ignoreMissing && dummy == null) {
            throw new LookupException("Provider protocol error: if ignoreErrorOnMissingContext is set, a dummyValue"
                    + " must be supplied (got " + props + ")");
        }
        if (dummy != null && !(dummy.isArray() && allObjects(dummy))) {
            throw new LookupException("Provider protocol error: dummyValue must be an array of objects (got " + dummy + ")");
        }
        if (!hasId && !hasMatch) {
            throw new LookupException("Provider protocol error: neither exactIdentifier nor propertyMatch is specified"
                    + " in " + props + ".");
        }
        String typeName = query.text("typeName")
                .orElseThrow(() -> new LookupException("typeName must be provided in props for the cc-api-provider"));
        CloudControlClient cc = clients.cloudControl();
        List<ResourceDescription> found;
        try {
            found = hasId ? get(cc, typeName, query.text("exactIdentifier").get(), clients)
                    : list(cc, typeName, props, clients);
        } catch (NothingFound e) {
            if (ignoreMissing) {
                return dummy;
            }
            throw new LookupException(e.getMessage());
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (ResourceDescription resource : found) {
            ObjectNode entry = result.addObject();
            JsonNode properties = parse(resource);
            for (JsonNode path : props.path("propertiesToReturn")) {
                JsonNode value = at(properties, path.asText());
                if (value == null) {
                    throw new LookupException("Cannot read field " + path.asText() + " of " + typeName + " "
                            + resource.identifier() + ": it is not in the resource's properties");
                }
                entry.set(path.asText(), value);
            }
            entry.put("Identifier", resource.identifier() == null ? "*MISSING*" : resource.identifier());
        }
        return result;
    }

    private static List<ResourceDescription> get(CloudControlClient cc, String typeName, String id,
                                                 LookupClients clients) {
        try {
            return List.of(cc.getResource(r -> r.typeName(typeName).identifier(id)).resourceDescription());
        } catch (ResourceNotFoundException e) {
            throw new NothingFound("No resource of type " + typeName + " with identifier: " + id + " (account "
                    + clients.environment().account() + ", region " + clients.environment().region() + ")");
        }
    }

    private static List<ResourceDescription> list(CloudControlClient cc, String typeName, JsonNode props,
                                                  LookupClients clients) {
        JsonNode match = props.get("propertyMatch");
        String expected = props.path("expectedMatchCount").asText("any");
        String model = props.path("resourceModel").isObject() ? props.get("resourceModel").toString() : null;
        List<ResourceDescription> found = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListResourcesResponse page = cc.listResources(r -> r.typeName(typeName).resourceModel(model)
                    .maxResults(100).nextToken(next));
            for (ResourceDescription resource : page.resourceDescriptions()) {
                if (matches(parse(resource), match)) {
                    found.add(resource);
                }
            }
            token = page.nextToken();
            // Like the CLI: fail before reading further pages once too many matched.
            if ((expected.equals("at-most-one") || expected.equals("exactly-one")) && found.size() > 1) {
                throw new LookupException("Found " + (token != null ? "at least " : "") + found.size()
                        + " resources matching " + match + "; expected " + text(expected)
                        + ". Please narrow the search criteria");
            }
        } while (token != null);
        if ((expected.equals("at-least-one") || expected.equals("exactly-one")) && found.isEmpty()) {
            throw new NothingFound("Could not find any resources matching " + match + "; expected " + text(expected)
                    + ". (type " + typeName + ", account " + clients.environment().account() + ", region "
                    + clients.environment().region() + ")");
        }
        return found;
    }

    private static boolean matches(JsonNode properties, JsonNode match) {
        for (Map.Entry<String, JsonNode> e : match.properties()) {
            // Strict equality of values, as the CLI; a resource without the property does not match.
            if (!e.getValue().equals(at(properties, e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The value at a dotted path ({@code Tags.0.Value}: numeric parts index arrays, as in JavaScript), or null. */
    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.", -1)) {
            if (current != null && current.isArray()) {
                current = part.matches("\\d{1,9}") ? current.get(Integer.parseInt(part)) : null;
            } else {
                current = current == null ? null : current.get(part);
            }
        }
        return current;
    }

    private static JsonNode parse(ResourceDescription resource) {
        try {
            return resource.properties() == null ? JSON.createObjectNode() : JSON.readTree(resource.properties());
        } catch (JsonProcessingException e) {
            throw new LookupException("Cloud Control returned properties that are not JSON for " + resource.identifier());
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String text(String expected) {
        switch (expected) {
            case "at-least-one": return "at least one";
            case "at-most-one": return "at most one";
            case "exactly-one": return "exactly one";
            case "any": return "any number";
            default: return expected;
        }
    }

    /** Nothing matched: the one failure {@code ignoreErrorOnMissingContext} turns into the dummy value. */
    private static final class NothingFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingFound(String message) {
            super(message, null, false, false);
        }
    }
}
