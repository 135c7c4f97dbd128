package io.cdkj.toolkit.cli;

import picocli.CommandLine.Option;

/**
 * The option of every command that synthesizes ({@code synth}, {@code list}, {@code deploy}, …) besides
 * the global {@code --app}, {@code --output} and {@code --lookups}: whether the app may run in the warm
 * app host. Filled by picocli; not thread-safe.
 */
public final class SynthOptionsMixin {

    @Option(names = "--warm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run a Java app (a java command line, mvn exec:java, or \"cdkj\" in cdk.json) in one warm"
                    + " JVM across lookup rounds (--no-warm: a fresh process per run, like the CDK CLI).")
    boolean warm = true;

    /** False for {@code --no-warm}. */
    boolean warm() {
        return warm;
    }
}
