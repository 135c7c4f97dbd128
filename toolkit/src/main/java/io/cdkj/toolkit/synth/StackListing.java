package io.cdkj.toolkit.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.config.NodeJson;
import io.cdkj.toolkit.config.NodeYaml;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The output of {@code cdkj list} as the Node CDK CLI prints it: the stack ids one per line (a stack
 * whose name differs from its artifact id as {@code Stage/Stack (Stage-Stack)}); with
 * {@code --long} each stack's id, name and environment, with {@code --show-dependencies} each
 * stack's id and its dependencies (recursively), with both all of it — as YAML, or JSON with
 * {@code --json} ({@code --json} alone changes nothing, as in the Node CLI). YAML ends in a newline, so
 * printed it ends with an empty line, as the Node CLI's does.
 *
 * <p>Stateless and thread-safe.
 */
public final class StackListing {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StackListing() {
    }

    /** The listing of {@code stacks} of {@code assembly}; YAML ends in a newline. */
    public static String render(CloudAssembly assembly, List<StackArtifact> stacks, boolean longFormat, boolean dependencies,
            boolean json) {
        if (!longFormat && !dependencies) {
            return stacks.stream().map(StackListing::id).collect(Collectors.joining("\n"));
        }
        Map<String, StackArtifact> byName = assembly.stacks().stream()
                .collect(Collectors.toMap(StackArtifact::displayName, Function.identity(), (a, b) -> a));
        ArrayNode list = NODES.arrayNode();
        for (StackArtifact stack : stacks) {
            ObjectNode entry = list.addObject().put("id", id(stack));
            if (longFormat) {
                entry.put("name", stack.stackName());
                // the manifest's aws://ACCOUNT/REGION, placeholders (unknown-account) kept as written
                String[] parts = stack.environment().replaceFirst("^aws://", "").split("/", 2);
                entry.putObject("environment").put("account", parts[0]).put("region", parts.length > 1 ? parts[1] : "")
                        .put("name", stack.environment());
            }
            if (dependencies) {
                entry.set("dependencies", dependencies(stack, byName));
            }
        }
        return json ? NodeJson.stringify(list) : NodeYaml.stringify(list);
    }

    private static ArrayNode dependencies(StackArtifact stack, Map<String, StackArtifact> byName) {
        ArrayNode dependencies = NODES.arrayNode();
        for (String name : stack.stackDependencies()) {
            StackArtifact dependency = byName.get(name);
            dependencies.addObject().put("id", dependency == null ? name : id(dependency))
                    .set("dependencies", dependency == null ? NODES.arrayNode() : dependencies(dependency, byName));
        }
        return dependencies;
    }

    /** The Node CLI's name for a stack: its hierarchical id, and its stack name when that differs from its artifact id. */
    static String id(StackArtifact stack) {
        return stack.stackName().equals(stack.id()) ? stack.displayName()
                : stack.displayName() + " (" + stack.stackName() + ")";
    }
}
