package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.MissingContext;
import software.amazon.awssdk.services.kms.model.AliasListEntry;

/**
 * {@code key-provider}: the key behind the alias {@code aliasName} (e.g. {@code alias/my-key}), as
 * {@code {"keyId": "1234abcd-..."}} ({@code Key.fromLookup}). Reads every page of ListAliases. A
 * missing alias is an error unless the query sets {@code ignoreErrorOnMissingContext} and its
 * {@code dummyValue} has a {@code keyId}, which is then the answer.
 *
 * <p>Stateless, thread-safe.
 */
public final class KeyProvider implements LookupProvider {

    @Override
    public String key() {
        return "key-provider";
    }

    @Override
    public JsonNode lookup(MissingContext query, LookupClients clients) {
        String aliasName = query.text("aliasName")
                .orElseThrow(() -> new LookupException("aliasName must be provided in props for the key-provider"));
        String keyId = clients.kms().listAliasesPaginator(r -> { }).aliases().stream()
                .filter(alias -> aliasName.equals(alias.aliasName()))
                .findFirst()
                .map(AliasListEntry::targetKeyId)
                .orElseGet(() -> dummyKeyId(query));
        if (keyId == null) {
            // The CDK's message, which users search for; the environment says where we looked.
            throw new LookupException("Could not find any key with alias named " + aliasName + " (account "
                    + clients.environment().account() + ", region " + clients.environment().region() + ")");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("keyId", keyId);
        return result;
    }

    private static String dummyKeyId(MissingContext query) {
        JsonNode props = query.props();
        JsonNode dummy = props.path("dummyValue").path("keyId");
        return props.path("ignoreErrorOnMissingContext").asBoolean(false) && dummy.isTextual() ? dummy.asText() : null;
    }
}
