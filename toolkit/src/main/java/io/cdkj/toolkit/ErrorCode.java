package io.cdkj.toolkit;

/**
 * Stable codes for the failures the toolkit reports to users. The CLI maps each code to a
 * process exit code (documented in the README and {@code --help}); the mapping must not change
 * between releases, because scripts depend on it.
 */
public enum ErrorCode {
    /** Bad command line or configuration: unknown flag, malformed value, conflicting settings. */
    USAGE(2),
    /** No credentials for the target account: wrong-account identity and no plugin could help. */
    CREDENTIALS(3),
    /** A plugin failed to load, broke its contract, or returned credentials for another account. */
    PLUGIN(4),
    /** The CDK app could not be run or failed (non-zero exit, missing {@code node}, bad {@code app}). */
    APP(5),
    /** An AWS call failed for a reason other than credentials (lookup error, deployment failure). */
    AWS(6),
    /** The cloud assembly is missing or corrupt. */
    ASSEMBLY(7),
    /** Interrupted (Ctrl-C). */
    INTERRUPTED(130);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
