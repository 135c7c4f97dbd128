package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the stacks a user names ({@code cdkj deploy devSampleApp}, {@code --all}, or nothing when the
 * app has one stack) into the stacks of the assembly to act on, in manifest order, each in its concrete
 * environment ({@link ResolvedStack}). Names match the display name ({@code Stage/Stack}), artifact id or
 * CloudFormation stack name; {@code *} is a wildcard. Deploy adds the stacks the selected ones depend on
 * (as the CDK CLI does unless {@code --exclusively}); destroy adds the stacks that depend on them.
 * Stateless.
 */
public final class StackSelection {

    /** Which related stacks join the selection. */
    public enum Extend { UPSTREAM, DOWNSTREAM, NONE }

    private StackSelection() {
    }

    /**
     * @throws ToolkitException ({@link ErrorCode#USAGE}) listing the available stacks when a name
     *     matches nothing or no name is given for a multi-stack app; ({@link ErrorCode#ASSEMBLY}) when a
     *     selected stack is environment-agnostic
     */
    public static List<ResolvedStack> select(CloudAssembly assembly, List<String> names, boolean all, Extend extend) {
        return select(assembly, names, all, extend, CredentialOverrides.NONE);
    }

    /**
     * As {@link #select(CloudAssembly, List, boolean, Extend)}, each stack with the credential source
     * {@code overrides} give it.
     *
     * @throws ToolkitException also ({@link ErrorCode#USAGE}) when an override names no stack or stage of
     *     the app, or two overrides of one stack conflict
     */
    public static List<ResolvedStack> select(CloudAssembly assembly, List<String> names, boolean all, Extend extend,
            CredentialOverrides overrides) {
        overrides.requireValid(assembly.stacks().stream().map(StackArtifact::names).toList());
        return selectArtifacts(assembly, names, all, extend).stream().map(s -> ResolvedStack.of(s, overrides)).toList();
    }

    /**
     * The selected stack artifacts, as {@link #select} chooses them, without converting them (so
     * environment-agnostic stacks are returned, not rejected).
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) listing the available stacks when a name
     *     matches nothing or no name is given for a multi-stack app
     */
    public static List<StackArtifact> selectArtifacts(CloudAssembly assembly, List<String> names, boolean all,
            Extend extend) {
        List<StackArtifact> stacks = assembly.stacks();
        if (stacks.isEmpty()) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "The app defines no stacks (" + assembly.directory() + ")");
        }
        Set<StackArtifact> selected = new LinkedHashSet<>();
        if (all) {
            selected.addAll(stacks);
        } else if (names.isEmpty()) {
            if (stacks.size() > 1) {
                throw new ToolkitException(ErrorCode.USAGE, "Name the stacks to act on, or use --all; the app has: "
                        + available(assembly));
            }
            selected.add(stacks.get(0));
        } else {
            for (String name : names) {
                List<StackArtifact> matches = stacks.stream().filter(s -> matches(s, name)).toList();
                if (matches.isEmpty()) {
                    throw new ToolkitException(ErrorCode.USAGE, "No stack matches '" + name + "'; the app has: "
                            + available(assembly));
                }
                selected.addAll(matches);
            }
        }
        Set<String> ids = extend(stacks, selected, extend);
        return stacks.stream().filter(s -> ids.contains(s.displayName())).toList();
    }

    private static Set<String> extend(List<StackArtifact> stacks, Set<StackArtifact> selected, Extend extend) {
        Set<String> ids = selected.stream().map(StackArtifact::displayName).collect(Collectors.toCollection(LinkedHashSet::new));
        Deque<String> todo = new ArrayDeque<>(ids);
        while (extend != Extend.NONE && !todo.isEmpty()) {
            String id = todo.poll();
            for (StackArtifact stack : stacks) {
                boolean related = extend == Extend.UPSTREAM
                        ? stacks.stream().anyMatch(s -> s.displayName().equals(id) && s.stackDependencies().contains(stack.displayName()))
                        : stack.stackDependencies().contains(id);
                if (related && ids.add(stack.displayName())) {
                    todo.add(stack.displayName());
                }
            }
        }
        return ids;
    }

    private static boolean matches(StackArtifact stack, String name) {
        StackPattern pattern = new StackPattern(name);
        if (pattern.isGlob()) {
            return pattern.matches(stack.displayName()) || pattern.matches(stack.stackName());
        }
        return stack.displayName().equals(name) || stack.id().equals(name) || stack.stackName().equals(name);
    }

    private static String available(CloudAssembly assembly) {
        return assembly.stacks().stream().map(StackArtifact::displayName).collect(Collectors.joining(", "));
    }
}
