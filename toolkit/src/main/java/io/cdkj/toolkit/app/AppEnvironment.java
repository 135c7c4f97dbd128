package io.cdkj.toolkit.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The environment variables a CDK app run gets, the way aws-cdk-lib reads them: {@code CDK_OUTDIR},
 * {@code CDK_ERROR_FILE} (see {@link ErrorFile}), the request's own variables, {@code CDK_CONTEXT_JSON}, and — when the context does not fit in the OS limit for the environment
 * (128 KiB on Linux/macOS, 32 KiB on Windows) — the rest of the context in a temporary file named
 * by {@value #CONTEXT_OVERFLOW_LOCATION_ENV}, which {@code new App()} merges in.
 *
 * <p>Owns the overflow file: {@link #close()} deletes it. Not thread-safe; one per run.
 */
public final class AppEnvironment implements AutoCloseable {

    /** aws-cdk-lib's {@code cxapi.OUTDIR_ENV}. */
    public static final String OUTDIR_ENV = "CDK_OUTDIR";
    /** aws-cdk-lib's {@code cxapi.CONTEXT_ENV}. */
    public static final String CONTEXT_ENV = "CDK_CONTEXT_JSON";
    /** aws-cdk-lib's {@code cxapi.CONTEXT_OVERFLOW_LOCATION_ENV}; the variable's name is its own value. */
    public static final String CONTEXT_OVERFLOW_LOCATION_ENV = "CONTEXT_OVERFLOW_LOCATION_ENV";
    /** aws-cdk-lib's {@code cxapi.DEFAULT_ACCOUNT_ENV}. */
    public static final String DEFAULT_ACCOUNT_ENV = "CDK_DEFAULT_ACCOUNT";
    /** aws-cdk-lib's {@code cxapi.DEFAULT_REGION_ENV}. */
    public static final String DEFAULT_REGION_ENV = "CDK_DEFAULT_REGION";
    /** jsii prints a banner on every start on older Node versions unless this is set. */
    public static final String JSII_SILENCE = "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> variables;
    private final Optional<Path> overflowDirectory;

    private AppEnvironment(Map<String, String> variables, Optional<Path> overflowDirectory) {
        this.variables = Map.copyOf(variables);
        this.overflowDirectory = overflowDirectory;
    }

    /**
     * Builds the variables for {@code request}, on top of {@code inherited} (the toolkit's own
     * environment), with {@code limit} bytes of environment space in total.
     */
    public static AppEnvironment prepare(AppRequest request, Map<String, String> inherited, int limit) {
        Map<String, String> env = new HashMap<>(inherited);
        env.remove(CONTEXT_OVERFLOW_LOCATION_ENV);
        env.remove(DEFAULT_ACCOUNT_ENV);
        env.remove(DEFAULT_REGION_ENV);
        env.putAll(request.environment());
        env.put(OUTDIR_ENV, request.outputDirectory().toString());
        env.put(ErrorFile.ENV, ErrorFile.in(request.outputDirectory()).toString());
        env.putIfAbsent(JSII_SILENCE, "1");
        request.defaultAccount().ifPresent(a -> env.put(DEFAULT_ACCOUNT_ENV, a));
        request.defaultRegion().ifPresent(r -> env.put(DEFAULT_REGION_ENV, r));
        env.remove(CONTEXT_ENV);

        int used = env.entrySet().stream().mapToInt(e -> bytes(e.getKey()) + bytes(e.getValue()) + 2).sum()
                + bytes(CONTEXT_ENV) + 1;
        ObjectNode small = JSON.createObjectNode();
        ObjectNode overflow = JSON.createObjectNode();
        int space = Math.max(0, limit - used) - 2; // the braces
        for (Map.Entry<String, JsonNode> entry : request.context().properties()) {
            int size = bytes(write(JSON.createObjectNode().set(entry.getKey(), entry.getValue()))) - 1;
            if (size <= space) {
                small.set(entry.getKey(), entry.getValue());
                space -= size;
            } else {
                overflow.set(entry.getKey(), entry.getValue());
            }
        }
        env.put(CONTEXT_ENV, write(small));
        if (overflow.isEmpty()) {
            return new AppEnvironment(env, Optional.empty());
        }
        try {
            Path dir = Files.createTempDirectory("cdk-context");
            Path file = dir.resolve("context-overflow.json");
            Files.writeString(file, write(overflow), StandardCharsets.UTF_8);
            env.put(CONTEXT_OVERFLOW_LOCATION_ENV, file.toString());
            return new AppEnvironment(env, Optional.of(dir));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot write the context overflow file to the temporary"
                    + " directory: " + e.getMessage() + ". Check that java.io.tmpdir is writable.", e);
        }
    }

    /** The OS limit for the whole environment of a child process, as the CDK CLI assumes it. */
    public static int defaultLimit() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? 32760 : 131072;
    }

    /** The variables to run the app with (the full environment, not just the additions). */
    public Map<String, String> variables() {
        return variables;
    }

    /** Deletes the overflow file. */
    @Override
    public void close() {
        overflowDirectory.ifPresent(dir -> {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // best effort: a leftover temp file is harmless
            }
        });
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("context is not serializable", e);
        }
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
