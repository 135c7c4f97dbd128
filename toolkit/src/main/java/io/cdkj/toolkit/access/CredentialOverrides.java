package io.cdkj.toolkit.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-stack credential settings from the context key {@value #KEY}: entries named after a stack, a
 * stage or {@code "*"} (the app), each setting {@value #PROFILE} (the AWS profile of the host's
 * identity) and/or {@value #PLUGIN} (the plugins to ask, in order), e.g.
 * {@code {"prodSampleApp": {"profile": "prod-admin"}, "*": {"plugin": ["profile", "assume-role"]}}}.
 *
 * <p>Setting by setting, the first level that sets it wins: the stack's own entry (its display name,
 * artifact id or stack name) &gt; its nearest stage's entry (a leading part of the display name,
 * {@code Prod} for {@code Prod/SampleApp}) &gt; {@code "*"} &gt; the toolkit-wide choice
 * ({@code --profile} / {@code "profile"}, {@code --plugin} / {@code "plugin"}). Two entries that name
 * the same stack in different ways and set the same setting are a conflict, never a silent choice.
 * Keys are exact names (no wildcards besides {@code "*"}), and a key that names no stack and no stage of
 * the app is an error, so a typo never goes unnoticed. See docs/configuration.md, "Per-stack credentials".
 *
 * <p>Immutable and thread-safe.
 */
public final class CredentialOverrides {

    /** The context key. */
    public static final String KEY = "cdkj:credentials";
    /** The entry for every stack of the app. */
    public static final String APP = "*";
    /** The setting naming the AWS profile of the host's identity. */
    public static final String PROFILE = "profile";
    /** The setting naming the plugins to ask. */
    public static final String PLUGIN = "plugin";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No overrides: every stack gets the toolkit-wide choice. */
    public static final CredentialOverrides NONE = new CredentialOverrides(Map.of());

    /** What one entry sets. */
    private record Entry(Optional<String> profile, Optional<List<String>> plugins) {
    }

    private final Map<String, Entry> entries;

    private CredentialOverrides(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /**
     * Reads the value of {@value #KEY}: an object from cdk.json, or the same object as a JSON string
     * (what {@code --context KEY=VALUE} gives).
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the key and the value that is malformed
     */
    public static CredentialOverrides parse(Optional<Object> value) {
        if (value.isEmpty()) {
            return NONE;
        }
        Object json = value.get() instanceof String text ? fromJson(text) : value.get();
        if (!(json instanceof Map<?, ?> map)) {
            throw usage(KEY + " must be an object of stack, stage or \"*\" to settings, e.g. {\"prodSampleApp\": "
                    + "{\"profile\": \"prod-admin\"}}, but it is " + describe(value.get()));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        map.forEach((name, settings) -> entries.put(String.valueOf(name), entry(String.valueOf(name), settings)));
        return new CredentialOverrides(entries);
    }

    /**
     * The settings of one stack.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming both keys when two entries for the stack
     *     set the same setting
     */
    public CredentialChoice forStack(StackNames stack) {
        List<Candidate> levels = new ArrayList<>();
        levels.add(ownEntry(stack));
        stack.stages().forEach(stage -> levels.add(new Candidate(CredentialChoice.Level.STAGE, stage, entries.get(stage))));
        levels.add(new Candidate(CredentialChoice.Level.APP, APP, entries.get(APP)));
        return choose(levels);
    }

    /** The settings of what belongs to no stack: {@code "*"} over the toolkit-wide choice. */
    public CredentialChoice forApp() {
        return choose(List.of(new Candidate(CredentialChoice.Level.APP, APP, entries.get(APP))));
    }

    /**
     * Checks the entries against the app's stacks, before anything is done with them.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the key and the app's stacks when a key
     *     names no stack and no stage of {@code stacks}, or naming both keys when two entries of one stack
     *     conflict
     */
    public void requireValid(Collection<StackNames> stacks) {
        stacks.forEach(this::forStack);
        for (String key : entries.keySet()) {
            boolean known = key.equals(APP) || stacks.stream()
                    .anyMatch(stack -> stack.own().contains(key) || stack.stages().contains(key));
            if (!known) {
                throw usage(KEY + " has an entry \"" + key + "\", which names no stack and no stage of the app (stacks: "
                        + String.join(", ", stacks.stream().map(StackNames::displayName).toList())
                        + "); use a stack's name, a stage's path or \"*\"");
            }
        }
    }

    /** Whether any entry exists. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** One level's entry, if any. */
    private record Candidate(CredentialChoice.Level level, String key, Entry entry) {
    }

    /** The stack's own entry: one per stack, unless its names reach two entries that set the same thing. */
    private Candidate ownEntry(StackNames stack) {
        List<String> keys = stack.own().stream().filter(entries::containsKey).toList();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                Entry a = entries.get(keys.get(i));
                Entry b = entries.get(keys.get(j));
                Optional<String> both = a.profile().isPresent() && b.profile().isPresent() ? Optional.of(PROFILE)
                        : a.plugins().isPresent() && b.plugins().isPresent() ? Optional.of(PLUGIN) : Optional.empty();
                if (both.isPresent()) {
                    throw usage(KEY + " entries \"" + keys.get(i) + "\" and \"" + keys.get(j) + "\" both set \""
                            + both.get() + "\" for stack " + stack.displayName() + " (they are two of its names); keep one");
                }
            }
        }
        Entry merged = new Entry(
                keys.stream().map(entries::get).flatMap(e -> e.profile().stream()).findFirst(),
                keys.stream().map(entries::get).flatMap(e -> e.plugins().stream()).findFirst());
        String key = String.join("\" and \"", keys);
        return new Candidate(CredentialChoice.Level.STACK, key, keys.isEmpty() ? null : merged);
    }

    private static CredentialChoice choose(List<Candidate> levels) {
        Optional<Candidate> profile = first(levels, Entry::profile);
        Optional<Candidate> plugins = first(levels, Entry::plugins);
        CredentialSource source = new CredentialSource(profile.flatMap(c -> c.entry().profile()),
                plugins.flatMap(c -> c.entry().plugins()));
        return new CredentialChoice(source, origin(profile), origin(plugins));
    }

    private static Optional<Candidate> first(List<Candidate> levels, Function<Entry, Optional<?>> setting) {
        return levels.stream().filter(c -> c.entry() != null && setting.apply(c.entry()).isPresent()).findFirst();
    }

    private static CredentialChoice.Origin origin(Optional<Candidate> candidate) {
        return candidate.map(c -> new CredentialChoice.Origin(c.level(), c.key())).orElse(CredentialChoice.Origin.DEFAULT);
    }

    private static Entry entry(String name, Object settings) {
        String key = KEY + " \"" + name + "\"";
        if (name.isBlank()) {
            throw usage(KEY + " has an entry with a blank name; name a stack, a stage or \"*\"");
        }
        if (!(settings instanceof Map<?, ?> map)) {
            throw usage(key + " must be an object with \"" + PROFILE + "\" and/or \"" + PLUGIN + "\", but it is "
                    + describe(settings));
        }
        for (Object setting : map.keySet()) {
            if (!PROFILE.equals(setting) && !PLUGIN.equals(setting)) {
                throw usage(key + " has the setting \"" + setting + "\"; an entry sets only \"" + PROFILE + "\" (an AWS "
                        + "profile name) and \"" + PLUGIN + "\" (plugin names, in order)");
            }
        }
        Optional<String> profile = Optional.ofNullable(map.get(PROFILE)).map(value -> {
            if (value instanceof String text && !text.isBlank()) {
                return text.trim();
            }
            throw usage(key + " sets \"" + PROFILE + "\" to " + describe(value) + "; it must be an AWS profile name");
        });
        Optional<List<String>> plugins = Optional.ofNullable(map.get(PLUGIN)).map(value -> pluginNames(key, value));
        return new Entry(profile, plugins);
    }

    private static List<String> pluginNames(String key, Object value) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> names = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String name) || name.isBlank()) {
                throw usage(key + " sets \"" + PLUGIN + "\" to " + describe(value)
                        + "; it must be a plugin name or a list of them (cdkj plugins lists the names)");
            }
            names.add(name.trim());
        }
        return names;
    }

    /** {@code --context KEY=VALUE} gives a string: the object written as JSON. */
    private static Object fromJson(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw usage(KEY + " is the string '" + text + "', which is not JSON; give an object such as "
                    + "{\"prodSampleApp\": {\"profile\": \"prod-admin\"}}");
        }
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the string '" + text + "'";
        }
        if (value instanceof Map<?, ?> map) {
            return "an object with keys " + map.keySet();
        }
        return value instanceof List<?> ? "the list " + value : "the value " + value;
    }

    private static ToolkitException usage(String message) {
        return new ToolkitException(ErrorCode.USAGE, message);
    }

    @Override
    public String toString() {
        return "CredentialOverrides" + entries.keySet();
    }
}
