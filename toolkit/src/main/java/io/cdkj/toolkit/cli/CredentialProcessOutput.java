package io.cdkj.toolkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Writes the AWS {@code credential_process} Version 1 JSON ({@code Version}, {@code AccessKeyId},
 * {@code SecretAccessKey}, {@code SessionToken}, {@code Expiration} as ISO-8601). The one place cdkj
 * prints secrets, because handing them to another AWS tool is the point. Stateless.
 */
final class CredentialProcessOutput {

    private CredentialProcessOutput() {
    }

    static void print(IdentityProvider<AwsCredentialsIdentity> provider, PrintWriter out) {
        AwsCredentialsIdentity identity = provider.resolveIdentity().join();
        ObjectNode json = JsonFiles.MAPPER.createObjectNode();
        json.put("Version", 1);
        json.put("AccessKeyId", identity.accessKeyId());
        json.put("SecretAccessKey", identity.secretAccessKey());
        if (identity instanceof AwsSessionCredentialsIdentity session) {
            json.put("SessionToken", session.sessionToken());
        }
        identity.expirationTime().ifPresent(expiration ->
                json.put("Expiration", DateTimeFormatter.ISO_INSTANT.format(expiration)));
        try {
            out.println(JsonFiles.MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialize", e);
        }
    }
}
