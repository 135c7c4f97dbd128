package io.cdkj.toolkit.synth;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options of every command that synthesizes ({@code synth}, {@code list}). Filled by picocli; not
 * thread-safe.
 */
public final class SynthOptions {

    @Option(names = {"-a", "--app"}, paramLabel = "COMMAND",
            description = "The app command (run with sh -c), or a cloud assembly directory."
                    + " Default: \"app\" in cdk.json.")
    String app;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where the cloud assembly is written. Default: \"output\" in cdk.json, else cdk.out.")
    Path output;

    @Option(names = "--lookups", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Look up missing context in AWS (--no-lookups: fail listing the missing keys).")
    boolean lookups = true;

    public Optional<String> app() {
        return Optional.ofNullable(app).filter(a -> !a.isBlank());
    }

    public Optional<Path> output() {
        return Optional.ofNullable(output);
    }

    public boolean lookups() {
        return lookups;
    }

    /** A copy that never looks context up in AWS (for commands that promise to make no AWS call). */
    public SynthOptions withoutLookups() {
        SynthOptions copy = new SynthOptions();
        copy.app = app;
        copy.output = output;
        copy.lookups = false;
        return copy;
    }
}
