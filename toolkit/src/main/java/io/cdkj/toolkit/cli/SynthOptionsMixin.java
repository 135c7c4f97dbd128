package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.synth.SynthSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of every command that synthesizes ({@code synth}, {@code list}, {@code deploy}, …),
 * turned into {@link SynthSettings}. Filled by picocli; not thread-safe.
 */
public final class SynthOptionsMixin {

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

    @Option(names = "--warm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run a Java app (a java command line, mvn exec:java, or \"cdkj\" in cdk.json) in one warm"
                    + " JVM across lookup rounds (--no-warm: a fresh process per run, like the CDK CLI).")
    boolean warm = true;

    /** What was given. */
    SynthSettings settings() {
        return new SynthSettings(Optional.ofNullable(app), Optional.ofNullable(output), lookups, warm);
    }
}
