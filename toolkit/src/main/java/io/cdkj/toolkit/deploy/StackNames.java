package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.StackArtifact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the stacks a user's name refers to: an exact display name ({@code Stage/Stack}), artifact id
 * or CloudFormation stack name, looked up in an index built once; or a {@link StackPattern} with {@code *}
 * wildcards, tested once against each stack's display and stack name. So naming
 * k stacks of n costs O(n + k), and each pattern O(n), never O(n × k) lookups.
 *
 * <p>Not thread-safe (the index is built on first use); one instance per selection.
 */
final class StackNames {

    private final List<StackArtifact> stacks;
    private final StackWork work;
    private Map<String, List<StackArtifact>> byName;

    StackNames(List<StackArtifact> stacks, StackWork work) {
        this.stacks = List.copyOf(stacks);
        this.work = work;
    }

    /** The stacks {@code name} refers to, in manifest order; empty when none. */
    List<StackArtifact> matching(String name) {
        StackPattern pattern = new StackPattern(name);
        return pattern.isGlob() ? matchingPattern(pattern) : index().getOrDefault(name, List.of());
    }

    private List<StackArtifact> matchingPattern(StackPattern pattern) {
        List<StackArtifact> result = new ArrayList<>();
        for (StackArtifact stack : stacks) {
            work.names(1);
            if (pattern.matches(stack.displayName()) || pattern.matches(stack.stackName())) {
                result.add(stack);
            }
        }
        return result;
    }

    private Map<String, List<StackArtifact>> index() {
        if (byName == null) {
            byName = new HashMap<>();
            for (StackArtifact stack : stacks) {
                for (String name : List.of(stack.displayName(), stack.id(), stack.stackName())) {
                    work.names(1);
                    List<StackArtifact> named = byName.computeIfAbsent(name, n -> new ArrayList<>());
                    // One stack's names come one after another: a stack whose id is its name is listed once.
                    if (named.isEmpty() || named.get(named.size() - 1) != stack) {
                        named.add(stack);
                    }
                }
            }
        }
        work.names(1);
        return byName;
    }
}
