package io.cdkj.toolkit.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The additional STS AssumeRole options a cloud assembly may attach to a role
 * ({@code assumeRoleAdditionalOptions}): session tags, transitive tag keys, a session policy, the
 * session duration and a source identity. The toolkit sets the role ARN, external ID and session name
 * itself; the assembly cannot override those.
 *
 * <p>Immutable.
 *
 * @param tags              session tags, in order
 * @param transitiveTagKeys keys of {@code tags} that pass on to chained roles
 * @param policy            an inline session policy (JSON)
 * @param policyArns        managed session policies
 * @param durationSeconds   the session duration
 * @param sourceIdentity    the source identity to set
 */
public record AssumeRoleOptions(Map<String, String> tags, List<String> transitiveTagKeys, Optional<String> policy,
        List<String> policyArns, OptionalInt durationSeconds, Optional<String> sourceIdentity) {

    /** No additional options. */
    public static final AssumeRoleOptions NONE = new AssumeRoleOptions(Map.of(), List.of(), Optional.empty(),
            List.of(), OptionalInt.empty(), Optional.empty());

    public AssumeRoleOptions {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        Objects.requireNonNull(policy, "policy");
        policyArns = List.copyOf(policyArns);
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
    }
}
