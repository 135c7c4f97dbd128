package io.cdkj.toolkit.synth;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import io.cdkj.toolkit.assembly.AssemblyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest an app run must write: removed before each run, required after it. An app whose
 * {@code main} exits without {@code app.synth()} writes nothing, and the previous run's assembly would
 * otherwise be taken for its result. Only the manifest goes: it is what makes a directory an assembly,
 * and the app rewrites its other files anyway. Stateless.
 */
final class AssemblyOutput {

    private AssemblyOutput() {
    }

    /** Removes {@code directory}'s manifest, if any. */
    static void removeManifest(Path directory) {
        Path manifest = directory.resolve(AssemblyReader.MANIFEST);
        try {
            Files.deleteIfExists(manifest);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Cannot remove the previous cloud assembly manifest "
                    + manifest + " before running the app: " + e.getMessage() + ". Delete the output directory, or"
                    + " choose another with --output.", e);
        }
    }

    /**
     * Fails when the app exited successfully without writing a manifest to {@code directory}.
     *
     * @throws ToolkitException {@link ErrorCode#ASSEMBLY} naming the directory and the likely cause
     */
    static void requireManifest(Path directory, String app) {
        if (!Files.isRegularFile(directory.resolve(AssemblyReader.MANIFEST))) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "The app (" + UntrustedText.excerpt(app) + ") exited"
                    + " successfully but wrote no cloud assembly: " + directory.resolve(AssemblyReader.MANIFEST)
                    + " is missing. Did you call app.synth() at the end of main? The app must synthesize into the"
                    + " directory given by CDK_OUTDIR.");
        }
    }
}
