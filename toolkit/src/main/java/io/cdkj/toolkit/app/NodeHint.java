package io.cdkj.toolkit.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one hint both app runners give when an app failed because jsii could not start Node.js: CDK for
 * Java apps run aws-cdk-lib in it, and "Cannot run program node" alone does not say what to install.
 *
 * <p>Stateless and thread-safe.
 */
public final class NodeHint {

    private NodeHint() {
    }

    /** The hint, when {@code node} is not on {@code path} and the app's stderr mentions node or jsii. */
    public static Optional<String> forFailure(String stderrTail, String path) {
        if (!onPath("node", path) && (stderrTail.contains("node") || stderrTail.contains("jsii"))) {
            return Optional.of("Hint: 'node' is not on PATH. CDK for Java apps run aws-cdk-lib in Node.js (jsii):"
                    + " install Node.js 20 or later and put 'node' on PATH.");
        }
        return Optional.empty();
    }

    static boolean onPath(String program, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
