package io.cdkj.toolkit.app.warm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The warm app host's settings in the project's {@code cdk.json}, under a {@code "cdkj"} key the CDK
 * CLI ignores:
 * <pre>
 * "cdkj": {
 *   "warm": true,                              // false: always run the app command cold
 *   "mainClass": "com.example.MyApp",          // with "classpath": run this instead of parsing "app"
 *   "classpath": ["target/classes", "target/lib/*"],   // relative to the project directory
 *   "jvmOptions": ["-Xmx1g"],                  // optional
 *   "args": []                                 // optional arguments to main
 * }
 * </pre>
 *
 * @param warm   false forces the cold path (like {@code --no-warm})
 * @param launch the launch named by {@code mainClass} and {@code classpath}, when both are given
 */
public record WarmSettings(boolean warm, Optional<JavaLaunch> launch) {

    /** No {@code "cdkj"} block: warm when the app command allows it. */
    public static final WarmSettings DEFAULT = new WarmSettings(true, Optional.empty());

    public WarmSettings {
        Objects.requireNonNull(launch, "launch");
    }

    /**
     * Reads the {@code "cdkj"} block of {@code cdkJson}; {@link #DEFAULT} when the file or the block is absent.
     *
     * @throws ToolkitException USAGE naming the file and key when a value has the wrong type
     */
    public static WarmSettings read(Path cdkJson) {
        Optional<ObjectNode> root = JsonFiles.readObject(cdkJson);
        JsonNode block = root.map(r -> r.get("cdkj")).orElse(null);
        if (block == null || block.isNull()) {
            return DEFAULT;
        }
        if (!block.isObject()) {
            throw invalid(cdkJson, "cdkj", "an object");
        }
        JsonNode warm = block.get("warm");
        if (warm != null && !warm.isBoolean()) {
            throw invalid(cdkJson, "cdkj.warm", "true or false");
        }
        JsonNode mainClass = block.get("mainClass");
        JsonNode classpath = block.get("classpath");
        Optional<JavaLaunch> launch = Optional.empty();
        if (mainClass != null || classpath != null) {
            if (mainClass == null || !mainClass.isTextual() || mainClass.asText().isBlank()) {
                throw invalid(cdkJson, "cdkj.mainClass", "the app's main class name (with \"classpath\")");
            }
            List<String> entries = strings(cdkJson, "cdkj.classpath", classpath);
            if (entries.isEmpty()) {
                throw invalid(cdkJson, "cdkj.classpath", "a non-empty array of class path entries (with \"mainClass\")");
            }
            launch = Optional.of(new JavaLaunch(javaExecutable(), strings(cdkJson, "cdkj.jvmOptions",
                    block.get("jvmOptions")), String.join(File.pathSeparator, entries), mainClass.asText(),
                    strings(cdkJson, "cdkj.args", block.get("args"))));
        }
        return new WarmSettings(warm == null || warm.asBoolean(), launch);
    }

    /** The JVM the toolkit runs on: a CDK app named only by class path gets the same one. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> strings(Path file, String key, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw invalid(file, key, "an array of strings");
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw invalid(file, key, "an array of strings");
            }
            values.add(element.asText());
        }
        return values;
    }

    private static ToolkitException invalid(Path file, String key, String expected) {
        return new ToolkitException(ErrorCode.USAGE, "Invalid \"" + key + "\" in " + file + ": expected " + expected
                + ". See the warm app host section of the toolkit README.");
    }
}
