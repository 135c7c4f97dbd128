package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one job per stack in dependency order (or reverse order, for destroy), at most
 * {@code concurrency} at a time. A stack starts as soon as everything it depends on has succeeded; if
 * one of those failed, it is skipped (and so are its own dependents) while unrelated stacks carry on.
 * Dependencies on stacks that are not selected are ignored, as they are assumed deployed. The order
 * comes from a {@link StackGraph}, linear in the stacks and their dependencies.
 *
 * <p>Thread-safe; each {@link #run} uses its own threads, which end with it.
 */
final class DependencyRunner {

    private DependencyRunner() {
    }

    /**
     * @return one result per stack, in the order of {@code stacks}
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the stacks of a dependency cycle
     */
    static List<StackResult> run(List<ResolvedStack> stacks, boolean reverse, int concurrency,
            Function<ResolvedStack, StackResult> job) {
        return run(stacks, reverse, concurrency, job, StackWork.NONE);
    }

    /** {@link #run(List, boolean, int, Function)}, counting the graph's steps into {@code work}. */
    static List<StackResult> run(List<ResolvedStack> stacks, boolean reverse, int concurrency,
            Function<ResolvedStack, StackResult> job, StackWork work) {
        Map<String, ResolvedStack> byId = new LinkedHashMap<>();
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        stacks.forEach(s -> {
            byId.put(s.displayName(), s);
            dependencies.put(s.displayName(), s.artifact().stackDependencies());
        });
        StackGraph graph = StackGraph.of(dependencies, work);
        List<String> order = reverse ? graph.reverseOrder() : graph.order();

        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "cdkj-stack-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<StackResult>> futures = new HashMap<>();
            for (String id : order) {
                Set<String> waitsFor = reverse ? graph.dependentsOf(id) : graph.dependenciesOf(id);
                List<CompletableFuture<StackResult>> before = waitsFor.stream().map(futures::get).toList();
                ResolvedStack stack = byId.get(id);
                futures.put(id, CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> runOne(stack, before, job), executor));
            }
            return stacks.stream().map(s -> futures.get(s.displayName()).join()).toList();
        } finally {
            executor.shutdownNow();
        }
    }

    private static StackResult runOne(ResolvedStack stack, List<CompletableFuture<StackResult>> before,
            Function<ResolvedStack, StackResult> job) {
        for (CompletableFuture<StackResult> f : before) {
            StackResult dependency = f.join();
            if (!dependency.outcome().ok()) {
                return StackResult.skipped(stack.stackName(), "skipped because " + dependency.stackName()
                        + (dependency.outcome() == StackResult.Outcome.SKIPPED ? " was skipped" : " failed"));
            }
        }
        try {
            return job.apply(stack);
        } catch (RuntimeException e) {
            // a bug or an interruption in one stack must not hide the results of the others
            return StackResult.failed(stack.stackName(), Duration.ZERO, String.valueOf(e.getMessage()));
        }
    }
}
