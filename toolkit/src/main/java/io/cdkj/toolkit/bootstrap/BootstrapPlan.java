package io.cdkj.toolkit.bootstrap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one environment's bootstrap stack is deployed with. Immutable.
 *
 * @param parameters            a value for every parameter the template declares, in template order:
 *                              given, current or default (one without any is left to CloudFormation)
 * @param terminationProtection termination protection after the deployment
 * @param tags                  stack tags, or empty to leave the current ones as they are
 * @param notes                 what the user should know: the trusted accounts and policies in effect
 * @param warnings              what the user should check, e.g. the implicit AdministratorAccess policy
 */
public record BootstrapPlan(Map<String, String> parameters, boolean terminationProtection,
        Optional<Map<String, String>> tags, List<String> notes, List<String> warnings) {

    public BootstrapPlan {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(tags, "tags");
        tags = tags.map(Map::copyOf);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }
}
