package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.credentials.RoleToAssume;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a group of lookups runs: one environment and the lookup role the manifest names for it (if
 * any). Lookups with the same target share credentials and clients.
 *
 * @param environment account and region
 * @param role        the {@code lookupRoleArn} / {@code lookupRoleExternalId} to assume on top
 */
record LookupTarget(AwsEnvironment environment, Optional<RoleToAssume> role) {

    LookupTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(role, "role");
    }
}
