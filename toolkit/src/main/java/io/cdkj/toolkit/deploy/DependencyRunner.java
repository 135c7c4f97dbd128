package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsConcurrency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one job per stack in dependency order (or reverse order, for destroy): at most
 * {@code concurrency} stacks of one environment at a time, and stacks of at most {@code environments}
 * environments at a time ({@link StackScheduler}). A stack starts as soon as everything it depends on has
 * succeeded; if one of those failed, it is skipped (and so are its own dependents) while unrelated stacks
 * carry on. Dependencies on stacks that are not selected are ignored, as they are assumed deployed. The
 * order comes from a {@link StackGraph}, linear in the stacks and their dependencies.
 *
 * <p>Thread-safe; each {@link #run} uses its own threads, which end with it.
 */
final class DependencyRunner {

    private DependencyRunner() {
    }

    /**
     * With {@link AwsConcurrency#DEFAULT_MAX_PARALLEL_ENVIRONMENTS} environments at a time.
     *
     * @param concurrency stacks of one environment at a time
     * @return one result per stack, in the order of {@code stacks}
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the stacks of a dependency cycle
     */
    static List<StackResult> run(List<ResolvedStack> stacks, boolean reverse, int concurrency,
            Function<ResolvedStack, StackResult> job) {
        return run(stacks, reverse, concurrency, AwsConcurrency.DEFAULT_MAX_PARALLEL_ENVIRONMENTS, job, StackWork.NONE);
    }

    /**
     * @param concurrency  stacks of one environment at a time
     * @param environments environments with stacks running at a time
     * @param work         counts the graph's steps
     * @return one result per stack, in the order of {@code stacks}
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the stacks of a dependency cycle
     */
    static List<StackResult> run(List<ResolvedStack> stacks, boolean reverse, int concurrency, int environments,
            Function<ResolvedStack, StackResult> job, StackWork work) {
        Map<String, ResolvedStack> byId = new LinkedHashMap<>();
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        stacks.forEach(s -> {
            byId.put(s.displayName(), s);
            dependencies.put(s.displayName(), s.artifact().stackDependencies());
        });
        Map<String, StackResult> results = new StackScheduler(StackGraph.of(dependencies, work), reverse, byId,
                concurrency, environments, job).run();
        return stacks.stream().map(s -> results.get(s.displayName())).toList();
    }
}
