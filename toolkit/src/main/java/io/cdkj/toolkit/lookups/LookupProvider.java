package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.assembly.MissingContext;

/**
 * Answers one kind of missing context ({@code ssm}, {@code vpc-provider}, ...) with a value in
 * exactly the shape aws-cdk-lib expects for that provider.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every environment.
 */
public interface LookupProvider {

    /** The manifest's provider key, e.g. {@code ssm}. */
    String key();

    /**
     * Looks the value up with {@code clients}, which act in the query's account and region.
     *
     * @throws LookupException when the value does not exist or is ambiguous (the message goes back
     *     to the app and is shown on the construct)
     * @throws software.amazon.awssdk.core.exception.SdkException when AWS refuses
     */
    JsonNode lookup(MissingContext query, LookupClients clients);
}
