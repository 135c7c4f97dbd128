package io.cdkj.toolkit.deploy;

import java.util.Objects;

/**
 * The choices of one {@code cdkj diff}.
 *
 * @param method       {@code --method}
 * @param contextLines {@code --context-lines}: unchanged lines around each change of a JSON value
 * @param securityOnly {@code --security-only}: only the stacks whose security changes widen permissions, only their tables
 * @param quiet        {@code -q}: nothing for stacks without differences
 * @param strict       {@code --strict}: compare {@code AWS::CDK::Metadata} and the bootstrap version rule too
 *
 * <p>Immutable.
 */
public record DiffOptions(DiffMethod method, int contextLines, boolean securityOnly, boolean quiet, boolean strict) {

    /** The Node CLI's defaults. */
    public static final DiffOptions DEFAULTS = new DiffOptions(DiffMethod.AUTO, 3, false, false, false);

    public DiffOptions {
        Objects.requireNonNull(method, "method");
        if (contextLines < 0) {
            throw new IllegalArgumentException("contextLines must not be negative, got " + contextLines);
        }
    }
}
