package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialOverrides;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the stacks a user names ({@code cdkj deploy devSampleApp}, {@code --all}, or nothing when the
 * app has one stack) into the stacks of the assembly to act on, in manifest order, each in its concrete
 * environment ({@link ResolvedStack}). Names match the display name ({@code Stage/Stack}), artifact id or
 * CloudFormation stack name; {@code *} is a wildcard. Deploy adds the stacks the selected ones depend on
 * (as the CDK CLI does unless {@code --exclusively}); destroy adds the stacks that depend on them.
 * Linear in the stacks and their dependencies: names are looked up in an index ({@link StackNames}),
 * the related stacks found in one traversal of the {@link StackGraph}.
 *
 * <p>Stateless and thread-safe.
 */
public final class StackSelection {

    /** Which related stacks join the selection. */
    public enum Extend { UPSTREAM, DOWNSTREAM, NONE }

    /** Stack names an error message lists before it says how many more there are. */
    private static final int LISTED_IN_ERRORS = 20;

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
        return selectArtifacts(assembly, names, all, extend, StackWork.NONE);
    }

    /** {@link #selectArtifacts(CloudAssembly, List, boolean, Extend)}, counting its steps into {@code work}. */
    static List<StackArtifact> selectArtifacts(CloudAssembly assembly, List<String> names, boolean all, Extend extend,
            StackWork work) {
        List<StackArtifact> stacks = assembly.stacks();
        if (stacks.isEmpty()) {
            throw new ToolkitException(ErrorCode.ASSEMBLY, "The app defines no stacks (" + assembly.directory() + ")");
        }
        Set<String> selected = new LinkedHashSet<>();
        if (all) {
            stacks.forEach(s -> selected.add(s.displayName()));
        } else if (names.isEmpty()) {
            if (stacks.size() > 1) {
                throw new ToolkitException(ErrorCode.USAGE, "Name the stacks to act on, or use --all; the app has: "
                        + available(assembly));
            }
            selected.add(stacks.get(0).displayName());
        } else {
            StackNames index = new StackNames(stacks, work);
            for (String name : names) {
                List<StackArtifact> matches = index.matching(name);
                if (matches.isEmpty()) {
                    throw new ToolkitException(ErrorCode.USAGE, "No stack matches '" + name + "'; the app has: "
                            + available(assembly));
                }
                matches.forEach(s -> selected.add(s.displayName()));
            }
        }
        Set<String> ids = extend == Extend.NONE ? selected : extend(stacks, selected, extend, work);
        return stacks.stream().filter(s -> ids.contains(s.displayName())).toList();
    }

    private static Set<String> extend(List<StackArtifact> stacks, Set<String> selected, Extend extend, StackWork work) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        stacks.forEach(s -> dependencies.put(s.displayName(), s.stackDependencies()));
        StackGraph graph = StackGraph.of(dependencies, work);
        return extend == Extend.UPSTREAM ? graph.withDependencies(selected) : graph.withDependents(selected);
    }

    /** The stacks' names for an error message: all of them, or the first few and how many more. */
    private static String available(CloudAssembly assembly) {
        List<StackArtifact> stacks = assembly.stacks();
        String names = stacks.stream().limit(LISTED_IN_ERRORS).map(StackArtifact::displayName)
                .collect(Collectors.joining(", "));
        return stacks.size() <= LISTED_IN_ERRORS ? names
                : names + " and " + (stacks.size() - LISTED_IN_ERRORS) + " more ('cdkj list' shows them all)";
    }
}
