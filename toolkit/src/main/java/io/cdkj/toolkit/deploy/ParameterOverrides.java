package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code --parameters} of a deploy: {@code Stack:Key=Value} for one stack, {@code Key=Value} for
 * every stack that declares {@code Key}.
 *
 * @param byStack values per stack name; {@link #ALL_STACKS} holds the unqualified ones
 *
 * <p>Immutable.
 */
public record ParameterOverrides(Map<String, Map<String, String>> byStack) {

    /** The key under which unqualified parameters are kept. */
    public static final String ALL_STACKS = "*";

    public static final ParameterOverrides NONE = new ParameterOverrides(Map.of());

    public ParameterOverrides {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byStack.forEach((stack, values) -> copy.put(stack, Map.copyOf(values)));
        byStack = Map.copyOf(copy);
    }

    /**
     * Parses {@code --parameters} values.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) for a value without {@code =} or with an empty key
     */
    public static ParameterOverrides parse(List<String> values) {
        Map<String, Map<String, String>> byStack = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new ToolkitException(ErrorCode.USAGE, "--parameters '" + value
                        + "' is not KEY=VALUE or STACK:KEY=VALUE (e.g. --parameters devSampleApp:Env=dev)");
            }
            String key = value.substring(0, equals);
            int colon = key.indexOf(':');
            String stack = colon > 0 ? key.substring(0, colon) : ALL_STACKS;
            String name = colon > 0 ? key.substring(colon + 1) : key;
            if (name.isEmpty()) {
                throw new ToolkitException(ErrorCode.USAGE, "--parameters '" + value + "' names no parameter");
            }
            byStack.computeIfAbsent(stack, s -> new LinkedHashMap<>()).put(name, value.substring(equals + 1));
        }
        return new ParameterOverrides(byStack);
    }

    /**
     * Fails when a {@code STACK:KEY=VALUE} names a stack that is not among {@code stackNames}: such a
     * value would silently reach no stack (a typo, or a display name where the stack name is meant).
     *
     * @param stackNames the CloudFormation stack names of the app's stacks
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the stack and listing the stack names
     */
    public void requireKnownStacks(Collection<String> stackNames) {
        for (Map.Entry<String, Map<String, String>> entry : byStack.entrySet()) {
            String stack = entry.getKey();
            if (!stack.equals(ALL_STACKS) && !stackNames.contains(stack)) {
                String key = entry.getValue().keySet().iterator().next();
                throw new ToolkitException(ErrorCode.USAGE, "--parameters " + stack + ":" + key + "=… names the stack '"
                        + stack + "', but the app has no stack of that name; its stack names are: "
                        + String.join(", ", new TreeSet<>(stackNames)) + ". Qualify a parameter with the"
                        + " CloudFormation stack name, or drop the qualifier to set it for every stack.");
            }
        }
    }

    /** The values given for all stacks, overridden by those given for {@code stackName}. */
    public Map<String, String> forStack(String stackName) {
        Objects.requireNonNull(stackName, "stackName");
        Map<String, String> merged = new LinkedHashMap<>(byStack.getOrDefault(ALL_STACKS, Map.of()));
        merged.putAll(byStack.getOrDefault(stackName, Map.of()));
        return merged;
    }

    /** Only the values given as {@code stackName:Key=Value}. */
    public Map<String, String> qualifiedFor(String stackName) {
        return byStack.getOrDefault(stackName, Map.of());
    }
}
