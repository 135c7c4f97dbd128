package io.cdkj.toolkit.lookups;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answers of one lookup round: a value for every missing key (real values, or transient
 * provider errors) and the failures among them.
 *
 * @param values   context key → value to give the app ({@code $providerError} values included)
 * @param failures the lookups that failed, in manifest order
 */
public record LookupResults(Map<String, JsonNode> values, List<LookupFailure> failures) {

    public LookupResults {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        failures = List.copyOf(failures);
    }
}
