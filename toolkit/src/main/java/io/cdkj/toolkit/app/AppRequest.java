package io.cdkj.toolkit.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the CDK app: what to run, where, and what it is told.
 *
 * <p>Immutable: {@link #context()} returns a copy.
 *
 * @param command          the app command line ({@code --app} or {@code "app"} in cdk.json), run by {@code sh -c}
 * @param workingDirectory the project directory (where cdk.json is)
 * @param outputDirectory  {@code CDK_OUTDIR}, absolute
 * @param context          the fully merged context the app sees ({@code CDK_CONTEXT_JSON} / overflow file)
 * @param defaultAccount   {@code CDK_DEFAULT_ACCOUNT}, only when the toolkit already knows it
 * @param defaultRegion    {@code CDK_DEFAULT_REGION}, only when known
 * @param environment      further variables for the app process
 */
public record AppRequest(
        String command,
        Path workingDirectory,
        Path outputDirectory,
        ObjectNode context,
        Optional<String> defaultAccount,
        Optional<String> defaultRegion,
        Map<String, String> environment) {

    public AppRequest {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("command must not be blank");
        }
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        outputDirectory = outputDirectory.toAbsolutePath().normalize();
        context = Objects.requireNonNull(context, "context").deepCopy();
        Objects.requireNonNull(defaultAccount, "defaultAccount");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        environment = Map.copyOf(environment);
    }

    @Override
    public ObjectNode context() {
        return context.deepCopy();
    }

    /** The same request with another context (the next round of the synth loop). */
    public AppRequest withContext(ObjectNode newContext) {
        return new AppRequest(command, workingDirectory, outputDirectory, newContext, defaultAccount, defaultRegion,
                environment);
    }
}
