package io.cdkj.toolkit.synth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one command synthesizes: the app (or an assembly to read instead), where the assembly goes,
 * whether missing context may be looked up, and whether the app may run in the warm app host.
 *
 * <p>Immutable.
 *
 * @param app     a command line, or a cloud assembly directory; empty: {@code "app"} of cdk.json
 * @param output  the assembly directory; empty: {@code "output"} of cdk.json, else {@code cdk.out}
 * @param lookups false: missing context is an error listing the keys (no AWS call)
 * @param warm    false: a fresh process per app run, like the CDK CLI
 * @param appSettings what the toolkit itself tells the app (version reporting, metadata, bundling, ...)
 */
public record SynthSettings(Optional<String> app, Optional<Path> output, boolean lookups, boolean warm,
        AppSettings appSettings) {

    /** The app and output of cdk.json, with lookups, in the warm host, with the Node CLI's defaults for the app. */
    public static final SynthSettings DEFAULTS = new SynthSettings(Optional.empty(), Optional.empty(), true, true);

    /** Settings with the Node CLI's defaults for the app. */
    public SynthSettings(Optional<String> app, Optional<Path> output, boolean lookups, boolean warm) {
        this(app, output, lookups, warm, AppSettings.DEFAULTS);
    }

    public SynthSettings {
        app = Objects.requireNonNull(app, "app").filter(a -> !a.isBlank());
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(appSettings, "appSettings");
    }

    /** The same settings, never looking context up in AWS (for commands that promise no AWS call). */
    public SynthSettings withoutLookups() {
        return new SynthSettings(app, output, false, warm, appSettings);
    }
}
