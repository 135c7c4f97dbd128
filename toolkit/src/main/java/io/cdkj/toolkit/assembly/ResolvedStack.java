package io.cdkj.toolkit.assembly;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.access.CredentialSource;
import io.cdkj.toolkit.access.CredentialTarget;
import java.util.Objects;

/**
 * A stack together with the concrete environment it acts in and where its credentials come from:
 * what deploy, destroy, diff and {@code cdkj credentials} operate on.
 *
 * <p>Immutable.
 *
 * @param artifact    the stack as the assembly describes it
 * @param environment its concrete account and region
 * @param source      where its base credentials come from (the toolkit-wide choice unless
 *                    {@code cdkj:credentials} overrides it for the stack)
 */
public record ResolvedStack(StackArtifact artifact, AwsEnvironment environment, CredentialSource source) {

    public ResolvedStack {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(source, "source");
    }

    /** A stack whose credentials come from the toolkit-wide choice. */
    public ResolvedStack(StackArtifact artifact, AwsEnvironment environment) {
        this(artifact, environment, CredentialSource.DEFAULT);
    }

    /**
     * The stack in the environment its manifest names.
     *
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the fix when the stack is environment-agnostic
     */
    public static ResolvedStack of(StackArtifact artifact) {
        AwsEnvironment environment = artifact.concreteEnvironment().orElseThrow(() -> new ToolkitException(
                ErrorCode.ASSEMBLY, "Stack " + artifact.displayName() + " has no concrete environment ("
                + artifact.environment() + "); give it env(Environment.builder().account(...).region(...)) in the app"));
        return new ResolvedStack(artifact, environment);
    }

    /**
     * The stack in its environment, with the credential source {@code overrides} give it.
     *
     * @throws ToolkitException as {@link #of(StackArtifact)} does, or ({@link ErrorCode#USAGE}) for
     *     conflicting overrides
     */
    public static ResolvedStack of(StackArtifact artifact, CredentialOverrides overrides) {
        return of(artifact).withSource(overrides.forStack(artifact.names()).source());
    }

    /** The same stack with its base credentials from {@code source}. */
    public ResolvedStack withSource(CredentialSource source) {
        return new ResolvedStack(artifact, environment, source);
    }

    /**
     * The credentials an operation in {@code mode} uses: WRITE (deploy, destroy) with the stack's deploy
     * role on top, READ (diff, lookups) with its lookup role on top — each when the assembly names one.
     */
    public CredentialTarget target(Mode mode) {
        return new CredentialTarget(environment, mode, mode == Mode.WRITE ? artifact.deployRole() : artifact.lookupRole(),
                source);
    }

    /** The CloudFormation stack name. */
    public String stackName() {
        return artifact.stackName();
    }

    /** The name users type ({@code Stage/Stack}). */
    public String displayName() {
        return artifact.displayName();
    }
}
