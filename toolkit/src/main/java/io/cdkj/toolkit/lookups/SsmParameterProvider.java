package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cdkj.toolkit.assembly.MissingContext;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * {@code ssm}: the value of an SSM parameter ({@code StringParameter.valueFromLookup}), as a JSON
 * string. A missing parameter is an error unless the query sets {@code ignoreErrorOnMissingContext},
 * in which case its {@code dummyValue} is the answer.
 *
 * <p>Stateless, thread-safe.
 */
public final class SsmParameterProvider implements LookupProvider {

    @Override
    public String key() {
        return "ssm";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        String name = query.text("parameterName")
                .orElseThrow(() -> new LookupException("parameterName must be provided in props for the ssm provider"));
        try {
            String value = clients.ssm().getParameter(r -> r.name(name)).parameter().value();
            if (value != null) {
                return TextNode.valueOf(value);
            }
        } catch (ParameterNotFoundException e) {
            // handled below, like an absent value
        }
        JsonNode props = query.props();
        if (props.path("ignoreErrorOnMissingContext").asBoolean(false) && props.has("dummyValue")) {
            return props.get("dummyValue");
        }
        throw new LookupException("SSM parameter not available in account " + clients.environment().account()
                + ", region " + clients.environment().region() + ": " + name);
    }
}
