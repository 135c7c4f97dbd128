package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to synthesize and how.
 *
 * @param app              {@code --app} or cdk.json's {@code "app"}: a command line, or a directory holding a
 *                         cloud assembly (then nothing is run)
 * @param workingDirectory the project directory
 * @param outputDirectory  {@code -o/--output}, default {@code cdk.out}
 * @param context          the merged context ({@code --context} &gt; cdk.json &gt; cdk.context.json &gt; ~/.cdk.json)
 * @param defaultAccount   {@code CDK_DEFAULT_ACCOUNT}, only when already known
 * @param defaultRegion    {@code CDK_DEFAULT_REGION}, only when known
 * @param lookups          false for {@code --no-lookups}: missing context is an error
 * @param settings         the toolkit's own context and variables for the app (version reporting, metadata, ...)
 */
public record SynthRequest(
        String app,
        Path workingDirectory,
        Path outputDirectory,
        ObjectNode context,
        Optional<String> defaultAccount,
        Optional<String> defaultRegion,
        boolean lookups,
        AppSettings settings) {

    /** A request with the Node CLI's default {@link AppSettings}. */
    public SynthRequest(String app, Path workingDirectory, Path outputDirectory, ObjectNode context,
            Optional<String> defaultAccount, Optional<String> defaultRegion, boolean lookups) {
        this(app, workingDirectory, outputDirectory, context, defaultAccount, defaultRegion, lookups,
                AppSettings.DEFAULTS);
    }

    public SynthRequest {
        Objects.requireNonNull(app, "app");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        outputDirectory = workingDirectory.resolve(outputDirectory).normalize();
        context = Objects.requireNonNull(context, "context").deepCopy();
        Objects.requireNonNull(defaultAccount, "defaultAccount");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(settings, "settings");
    }

    @Override
    public ObjectNode context() {
        return context.deepCopy();
    }

    /** The directory {@link #app()} names when it is an existing cloud assembly rather than a command. */
    public Optional<Path> existingAssembly() {
        try {
            Path path = workingDirectory.resolve(app.trim());
            return path.toFile().isDirectory() ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
