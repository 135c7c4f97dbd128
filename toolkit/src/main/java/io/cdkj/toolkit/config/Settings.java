package io.cdkj.toolkit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Node CDK CLI settings that a flag, {@code cdk.json} and {@code ~/.cdk.json} can each set, with
 * the same key names as the Node CLI's ({@code "versionReporting": false} is
 * {@code --no-version-reporting}). An empty value is "not set here"; {@link #over} merges levels, so
 * the command line wins over {@code cdk.json}, which wins over {@code ~/.cdk.json}.
 *
 * <p>Immutable.
 *
 * @param build            {@code "build"}: a command run before the app (e.g. compiling it)
 * @param region           {@code --region}: the default region
 * @param lookups          {@code --[no-]lookups}
 * @param versionReporting {@code --[no-]version-reporting}: the {@code AWS::CDK::Metadata} resource
 * @param pathMetadata     {@code --[no-]path-metadata}
 * @param assetMetadata    {@code --[no-]asset-metadata}
 * @param staging          {@code --[no-]staging}
 * @param toolkitStackName {@code --toolkit-stack-name}
 * @param requireApproval  {@code deploy --require-approval}
 * @param progress         {@code deploy --progress}
 * @param rollback         {@code deploy --[no-]rollback}
 * @param outputsFile      {@code deploy --outputs-file}
 * @param tags             {@code deploy --tags}, as an object of strings
 * @param ignored          keys the Node CLI reads that cdkj accepts and ignores ({@code notices}, {@code watch}, ...)
 */
public record Settings(Optional<String> build, Optional<String> region, Optional<Boolean> lookups,
        Optional<Boolean> versionReporting, Optional<Boolean> pathMetadata, Optional<Boolean> assetMetadata,
        Optional<Boolean> staging, Optional<String> toolkitStackName, Optional<String> requireApproval,
        Optional<String> progress, Optional<Boolean> rollback, Optional<String> outputsFile, Map<String, String> tags,
        List<String> ignored) {

    /** Nothing set. */
    public static final Settings NONE = new Settings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), List.of());

    /** The cdk.json keys these settings are read from, as the Node CLI names them. */
    public static final List<String> KEYS = List.of("build", "region", "lookups", "versionReporting", "pathMetadata",
            "assetMetadata", "staging", "toolkitStackName", "requireApproval", "progress", "rollback", "outputsFile",
            "tags");

    /** Node CLI settings keys cdkj reads nothing from (they concern features it does not have). */
    public static final List<String> IGNORED_KEYS = List.of("notices", "watch", "hotswap", "proxy", "caBundlePath",
            "assetPrebuild", "toolkitBucket", "unstable", "language", "browser", "debug");

    public Settings {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        ignored = List.copyOf(ignored);
    }

    /** These settings, each one not set here taken from {@code lower}. */
    public Settings over(Settings lower) {
        Map<String, String> mergedTags = new LinkedHashMap<>(lower.tags);
        mergedTags.putAll(tags);
        List<String> mergedIgnored = new ArrayList<>(ignored);
        lower.ignored.stream().filter(k -> !mergedIgnored.contains(k)).forEach(mergedIgnored::add);
        return new Settings(build.or(lower::build), region.or(lower::region), lookups.or(lower::lookups),
                versionReporting.or(lower::versionReporting), pathMetadata.or(lower::pathMetadata),
                assetMetadata.or(lower::assetMetadata), staging.or(lower::staging),
                toolkitStackName.or(lower::toolkitStackName), requireApproval.or(lower::requireApproval),
                progress.or(lower::progress), rollback.or(lower::rollback), outputsFile.or(lower::outputsFile),
                mergedTags, mergedIgnored);
    }

    /** The command line's settings: only the global flags can be given there; the rest stays unset. */
    public static Settings commandLine(Optional<String> build, Optional<String> region, Optional<Boolean> lookups,
            Optional<Boolean> versionReporting, Optional<Boolean> pathMetadata, Optional<Boolean> assetMetadata,
            Optional<Boolean> staging, Optional<String> toolkitStackName, List<String> ignored) {
        return new Settings(build, region, lookups, versionReporting, pathMetadata, assetMetadata, staging,
                toolkitStackName, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                ignored);
    }

    /**
     * The settings of a {@code cdk.json} object.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the file and the key when a value has the wrong type
     */
    static Settings parse(ObjectNode root, Path file) {
        List<String> ignored = IGNORED_KEYS.stream().filter(root::has).toList();
        return new Settings(text(root, "build", file), text(root, "region", file), bool(root, "lookups", file),
                bool(root, "versionReporting", file), bool(root, "pathMetadata", file),
                bool(root, "assetMetadata", file), bool(root, "staging", file), text(root, "toolkitStackName", file),
                text(root, "requireApproval", file), text(root, "progress", file), bool(root, "rollback", file),
                text(root, "outputsFile", file), tags(root, file), ignored);
    }

    /** The string at {@code key} of {@code root}, if any; a usage error naming the file for another type. */
    static Optional<String> text(ObjectNode root, String key, Path file) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(file, key, "a string", node);
        }
        return Optional.of(node.asText());
    }

    private static Optional<Boolean> bool(ObjectNode root, String key, Path file) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw invalid(file, key, "true or false", node);
        }
        return Optional.of(node.booleanValue());
    }

    private static Map<String, String> tags(ObjectNode root, Path file) {
        JsonNode node = root.get("tags");
        Map<String, String> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isObject()) {
            throw invalid(file, "tags", "an object of strings ({\"team\": \"platform\"})", node);
        }
        for (Map.Entry<String, JsonNode> tag : node.properties()) {
            if (!tag.getValue().isValueNode() || tag.getValue().isNull()) {
                throw invalid(file, "tags", "an object of strings ({\"team\": \"platform\"})", node);
            }
            tags.put(tag.getKey(), tag.getValue().asText());
        }
        return tags;
    }

    /** The usage error for a value of {@code key} in {@code file} that is not {@code expected}. */
    static ToolkitException invalid(Path file, String key, String expected, JsonNode found) {
        return new ToolkitException(ErrorCode.USAGE, "Invalid \"" + key + "\" in " + file + ": expected " + expected
                + ", found " + found + ".");
    }
}
