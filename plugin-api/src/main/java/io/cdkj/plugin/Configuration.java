package io.cdkj.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only view of the configuration a plugin may consult: the app's context and the
 * process environment.
 *
 * <p>The context is already merged by the host with the CDK CLI's precedence
 * ({@code --context} over {@code cdk.json} {@code "context"} over {@code cdk.context.json} over
 * user-level defaults), so a plugin sees one value per key. Values are JSON values as Java objects:
 * {@link String}, {@link Number}, {@link Boolean}, {@link List} and {@link Map} with {@link String}
 * keys (all unmodifiable). JSON {@code null} is not represented: such keys (and map entries) are
 * absent; a {@code null} element of a list stays {@code null}. A value is nested at most
 * {@link #MAX_NESTING_DEPTH} levels deep, so a plugin may walk it recursively.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Configuration {

    /**
     * The deepest nesting of lists and maps a context value may have (a scalar is depth 0, a list of
     * scalars depth 1). Far above what configuration needs and far below what overflows a recursive
     * reader's stack; the host refuses deeper values where it reads them.
     */
    public static final int MAX_NESTING_DEPTH = 100;

    private static final Configuration EMPTY = new Configuration(Map.of(), Map.of());

    private final Map<String, Object> context;
    private final Map<String, String> environment;

    private Configuration(Map<String, Object> context, Map<String, String> environment) {
        this.context = context;
        this.environment = environment;
    }

    /**
     * Creates a configuration view.
     *
     * @param context     merged context values (copied deeply; nested lists and maps become unmodifiable)
     * @param environment environment variables (copied)
     * @throws IllegalArgumentException naming the key when a value is not a JSON value or is nested
     *     deeper than {@link #MAX_NESTING_DEPTH}
     */
    public static Configuration of(Map<String, ?> context, Map<String, String> environment) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(environment, "environment");
        Map<String, Object> copy = new TreeMap<>();
        context.forEach((key, value) -> {
            if (value != null) {
                copy.put(Objects.requireNonNull(key, "context key"), freeze(key, value, 0));
            }
        });
        return new Configuration(Collections.unmodifiableMap(copy), Map.copyOf(environment));
    }

    /** A configuration with no context and no environment, e.g. for tests. */
    public static Configuration empty() {
        return EMPTY;
    }

    /** All context values, sorted by key; unmodifiable. */
    public Map<String, Object> context() {
        return context;
    }

    /** One context value. */
    public Optional<Object> contextValue(String key) {
        return Optional.ofNullable(context.get(key));
    }

    /**
     * The context values whose key starts with {@code prefix}, sorted by key; unmodifiable. A plugin
     * uses this to validate its own namespace (e.g. {@code "assume-role-credentials:"}) and reject
     * unknown keys.
     */
    public Map<String, Object> contextWithPrefix(String prefix) {
        Map<String, Object> matching = new LinkedHashMap<>();
        context.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                matching.put(key, value);
            }
        });
        return Collections.unmodifiableMap(matching);
    }

    /** One environment variable. */
    public Optional<String> environmentVariable(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    /** All environment variables; unmodifiable. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Copies {@code value}, {@code depth} levels below its context key; the depth bounds the recursion. */
    private static Object freeze(String key, Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            throw new IllegalArgumentException("context value '" + key + "' must be a JSON value, not "
                    + value.getClass().getName());
        }
        if (depth >= MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("context value '" + key + "' is nested deeper than "
                    + MAX_NESTING_DEPTH + " levels");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> frozen = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    frozen.put(String.valueOf(k), freeze(key, v, depth + 1));
                }
            });
            return Collections.unmodifiableMap(frozen);
        }
        List<Object> frozen = new ArrayList<>();
        for (Object element : (List<?>) value) {
            frozen.add(freeze(key, element, depth + 1));
        }
        return Collections.unmodifiableList(frozen);
    }

    /** Lists context keys and environment variable names only: values may be sensitive. */
    @Override
    public String toString() {
        return "Configuration[context keys=" + context.keySet() + ", environment variables=" + environment.size() + "]";
    }
}
