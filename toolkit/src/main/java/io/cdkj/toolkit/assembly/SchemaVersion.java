package io.cdkj.toolkit.assembly;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud assembly schema versions cdkj reads. Like the CDK CLI, cdkj reads any minor or patch
 * version of the majors it knows and refuses a newer major, whose manifest may mean something else
 * (a major version changes the meaning of existing fields). The highest major is the one the Node CDK
 * CLI pinned in {@code bench/package.json} reads, so cdkj accepts the assemblies of the same
 * aws-cdk-lib releases.
 *
 * <p>Stateless and thread-safe.
 */
final class SchemaVersion {

    /** The newest schema major cdkj reads. */
    static final int MAX_SUPPORTED_MAJOR = 55;

    private static final Pattern SEMVER = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})([-+][0-9A-Za-z.+-]*)?");

    private SchemaVersion() {
    }

    /**
     * Checks the {@code version} field of {@code manifest}.
     *
     * @throws ToolkitException {@link ErrorCode#ASSEMBLY} when the version is missing, not a semantic
     *     version, or of a newer major than {@link #MAX_SUPPORTED_MAJOR}
     */
    static void check(Path manifest, String version) {
        Matcher matcher = SEMVER.matcher(version);
        if (!matcher.matches()) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Corrupt cloud assembly manifest " + manifest
                    + ": its \"version\" is " + (version.isEmpty() ? "missing" : "'" + version + "'")
                    + ", not a schema version such as 54.0.0. Delete the output directory and synthesize again.");
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major > MAX_SUPPORTED_MAJOR) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "This cdkj is not compatible with the CDK library used by"
                    + " your application (cloud assembly schema version mismatch: maximum schema version supported is "
                    + MAX_SUPPORTED_MAJOR + ".x.x, but " + manifest + " has " + version + "). Upgrade cdkj, or use an"
                    + " aws-cdk-lib release that writes schema " + MAX_SUPPORTED_MAJOR + " or older.");
        }
    }
}
