package io.cdkj.toolkit.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The special context values the CDK toolkit and aws-cdk-lib agree on. A failed lookup is sent back
 * to the app as {@code {"$providerError": "...", "$dontSaveContext": true}}: aws-cdk-lib's
 * {@code ContextProvider.getValue} then reports the message as an error annotation on the construct
 * that asked (so the user sees {@code [Error at /devSampleApp] ...}), and the toolkit never writes it
 * to {@code cdk.context.json}, so the next synth retries.
 */
public final class ContextValues {

    /** aws-cdk-lib's {@code cxapi.PROVIDER_ERROR_KEY}. */
    public static final String PROVIDER_ERROR_KEY = "$providerError";
    /** The CDK toolkit's {@code TRANSIENT_CONTEXT_KEY}: values carrying it are never saved. */
    public static final String TRANSIENT_CONTEXT_KEY = "$dontSaveContext";

    private ContextValues() {
    }

    /** The value that makes the app report {@code message} on the construct that did the lookup. */
    public static ObjectNode providerError(String message) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put(PROVIDER_ERROR_KEY, message);
        value.put(TRANSIENT_CONTEXT_KEY, true);
        return value;
    }

    /** True for values that must be passed to the app but not saved. */
    public static boolean isTransient(JsonNode value) {
        return value != null && value.isObject() && value.path(TRANSIENT_CONTEXT_KEY).asBoolean(false);
    }
}
