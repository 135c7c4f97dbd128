package io.cdkj.toolkit.diff;

import java.util.List;

/**
 * The security-relevant changes between a deployed template and a new one: IAM statements, managed
 * policy attachments and security group rules added or removed. {@link #broadening()} decides
 * {@code --require-approval broadening}: a statement granting something was added (or one taking
 * something away was removed), a managed policy was attached, or a security group rule was added.
 * Computed by {@link SecurityDiff}; rendered by {@link SecurityTable}.
 *
 * <p>Immutable.
 *
 * @param statements      IAM statements (identity and resource policies, Lambda permissions)
 * @param managedPolicies managed policy attachments
 * @param ingress         security group ingress rules
 * @param egress          security group egress rules
 */
public record SecurityChanges(Delta<PolicyStatement> statements, Delta<ManagedPolicyAttachment> managedPolicies,
        Delta<SecurityGroupRule> ingress, Delta<SecurityGroupRule> egress) {

    /** How the permissions change, as the Node CDK CLI classifies it. */
    public enum PermissionChange { NONE, NON_BROADENING, BROADENING }

    /**
     * What was added and what was removed, each in template order.
     *
     * @param added   in the new template, not in the old
     * @param removed in the old template, not in the new
     */
    public record Delta<T>(List<T> added, List<T> removed) {
        public Delta {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        /** The elements of {@code proposed} that {@code deployed} lacks, and the other way round. */
        static <T> Delta<T> between(List<T> deployed, List<T> proposed) {
            return new Delta<>(proposed.stream().filter(e -> !deployed.contains(e)).toList(),
                    deployed.stream().filter(e -> !proposed.contains(e)).toList());
        }

        /** Whether anything was added or removed. */
        public boolean changed() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** Whether nothing security-relevant changed. */
    public boolean isEmpty() {
        return !statements.changed() && !managedPolicies.changed() && !ingress.changed() && !egress.changed();
    }

    /** Whether the change grants more than before (see the class documentation). */
    public boolean broadening() {
        return statements.added().stream().anyMatch(s -> !s.negative())
                || statements.removed().stream().anyMatch(PolicyStatement::negative)
                || !managedPolicies.added().isEmpty()
                || !ingress.added().isEmpty() || !egress.added().isEmpty();
    }

    /** {@code BROADENING}, {@code NON_BROADENING} (something changed, nothing widened) or {@code NONE}. */
    public PermissionChange permissionChange() {
        return broadening() ? PermissionChange.BROADENING
                : isEmpty() ? PermissionChange.NONE : PermissionChange.NON_BROADENING;
    }
}
