package io.cdkj.toolkit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings cdkj reads from a {@code cdk.json} (the project's, or the user-level {@code ~/.cdk.json}).
 * Unknown keys are ignored, as the CDK CLI does, so one file serves both tools.
 *
 * @param app     {@code "app"}: the command that runs the CDK app
 * @param plugins {@code "plugin"}: credential plugin names, in order (a single string is one name)
 * @param context {@code "context"}: context values (plain JSON values; null values kept)
 * @param output  {@code "output"}: the cloud assembly directory
 * @param profile  {@code "profile"}: the AWS profile of the default identity
 * @param settings the other Node CLI settings it sets ({@code "versionReporting"}, {@code "requireApproval"}, ...)
 */
public record CdkJson(Optional<String> app, List<String> plugins, Map<String, Object> context,
        Optional<String> output, Optional<String> profile, Settings settings) {

    /** A file that does not exist. */
    public static final CdkJson EMPTY = new CdkJson(Optional.empty(), List.of(), Map.of(), Optional.empty(),
            Optional.empty(), Settings.NONE);

    public CdkJson {
        Objects.requireNonNull(app, "app");
        plugins = List.copyOf(plugins);
        context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Reads {@code file}; {@link #EMPTY} when it does not exist.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the file and the key or JSON error
     */
    public static CdkJson read(Path file) {
        return JsonFiles.readObject(file).map(object -> parse(object, file)).orElse(EMPTY);
    }

    static CdkJson parse(ObjectNode root, Path file) {
        return new CdkJson(
                Settings.text(root, "app", file),
                plugins(root, file),
                context(root, file),
                Settings.text(root, "output", file),
                Settings.text(root, "profile", file),
                Settings.parse(root, file));
    }

    private static List<String> plugins(ObjectNode root, Path file) {
        JsonNode node = root.get("plugin");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw Settings.invalid(file, "plugin", "an array of plugin names", node);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw Settings.invalid(file, "plugin", "an array of plugin names", element);
            }
            names.add(element.asText());
        }
        return names;
    }

    private static Map<String, Object> context(ObjectNode root, Path file) {
        JsonNode node = root.get("context");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!(node instanceof ObjectNode object)) {
            throw Settings.invalid(file, "context", "an object", node);
        }
        return JsonFiles.toMap(object);
    }
}
