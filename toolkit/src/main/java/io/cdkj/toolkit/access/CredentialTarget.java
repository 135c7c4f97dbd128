package io.cdkj.toolkit.access;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Objects;
import java.util.Optional;

/**
 * What one AWS operation needs credentials for: an environment, a mode (READ for lookups and diffs,
 * WRITE for deployments and asset publishing), and the role the assembly names for the operation, to
 * be assumed on top of the environment's credentials. Every caller — synth lookups, deploy, destroy,
 * diff, asset publishing, {@code cdkj credentials} — asks the host with one of these.
 *
 * <p>Immutable; a good map key (operations with equal targets share one STS session).
 *
 * @param environment where the credentials must act
 * @param mode        what they are used for
 * @param role        the role to assume on top, if the assembly names one
 * @param source      where the base credentials come from: the toolkit-wide choice, or a stack's override
 */
public record CredentialTarget(AwsEnvironment environment, Mode mode, Optional<RoleToAssume> role,
        CredentialSource source) {

    public CredentialTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
    }

    /** A target whose base credentials come from the toolkit-wide choice. */
    public CredentialTarget(AwsEnvironment environment, Mode mode, Optional<RoleToAssume> role) {
        this(environment, mode, role, CredentialSource.DEFAULT);
    }

    /** The environment's own credentials for {@code mode}, with no role on top. */
    public static CredentialTarget of(AwsEnvironment environment, Mode mode) {
        return new CredentialTarget(environment, mode, Optional.empty());
    }

    /** The same target with its base credentials from {@code source}. */
    public CredentialTarget withSource(CredentialSource source) {
        return new CredentialTarget(environment, mode, role, source);
    }

    @Override
    public String toString() {
        return environment + " (" + mode.cliName() + role.map(r -> ", role " + r.arnTemplate()).orElse("")
                + (source.isDefault() ? "" : ", " + source) + ")";
    }
}
