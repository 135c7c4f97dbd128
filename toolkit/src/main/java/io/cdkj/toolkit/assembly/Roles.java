package io.cdkj.toolkit.assembly;

import static io.cdkj.toolkit.assembly.ManifestJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.access.AssumeRoleOptions;
import io.cdkj.toolkit.access.RoleToAssume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the one role shape from the places a cloud assembly writes roles: a stack's
 * {@code assumeRoleArn}/{@code assumeRoleExternalId}/{@code assumeRoleAdditionalOptions}, its
 * {@code lookupRole} object, a missing-context entry's {@code lookupRoleArn}/{@code lookupRoleExternalId},
 * an asset destination's {@code assumeRoleArn}. Stateless.
 */
public final class Roles {

    private Roles() {
    }

    /**
     * The role whose ARN is in {@code arnField} of {@code node}, with its external ID and additional
     * options from the fields beside it; empty when {@code arnField} is absent or blank.
     */
    public static Optional<RoleToAssume> read(JsonNode node, String arnField, String externalIdField) {
        Optional<String> arn = text(node, arnField);
        return arn.map(a -> new RoleToAssume(a, text(node, externalIdField),
                options(node.path("assumeRoleAdditionalOptions"))));
    }

    /** The STS options the assembly may add; the ARN, external ID and session name stay the toolkit's. */
    static AssumeRoleOptions options(JsonNode options) {
        if (!options.isObject() || options.isEmpty()) {
            return AssumeRoleOptions.NONE;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        options.path("Tags").forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        List<String> policyArns = new ArrayList<>();
        options.path("PolicyArns").forEach(p -> policyArns.add(p.isTextual() ? p.asText() : p.path("arn").asText()));
        return new AssumeRoleOptions(tags, ManifestJson.strings(options.path("TransitiveTagKeys")),
                text(options, "Policy"), policyArns, ManifestJson.integer(options, "DurationSeconds"),
                text(options, "SourceIdentity"));
    }
}
