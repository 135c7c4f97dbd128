package io.cdkj.toolkit.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A successful app run: the app exited 0 and wrote its assembly to {@code outputDirectory}.
 *
 * @param outputDirectory where the assembly is
 * @param elapsed         wall time of the run, for progress and the synth time split
 */
public record AppRun(Path outputDirectory, Duration elapsed) {

    public AppRun {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
