package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one job per stack in dependency order (or reverse order, for destroy), at most
 * {@code concurrency} at a time. A stack starts as soon as everything it depends on has succeeded; if
 * one of those failed, it is skipped (and so are its own dependents) while unrelated stacks carry on.
 * Dependencies on stacks that are not selected are ignored, as they are assumed deployed.
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
        Map<String, ResolvedStack> byId = new LinkedHashMap<>();
        stacks.forEach(s -> byId.put(s.displayName(), s));
        Map<String, List<String>> waitsFor = edges(byId, reverse);
        List<String> order = topologicalOrder(waitsFor);

        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "cdkj-stack-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<StackResult>> futures = new HashMap<>();
            for (String id : order) {
                List<CompletableFuture<StackResult>> before = waitsFor.get(id).stream().map(futures::get).toList();
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

    /** For each stack, the selected stacks it must wait for. */
    private static Map<String, List<String>> edges(Map<String, ResolvedStack> byId, boolean reverse) {
        Map<String, List<String>> waitsFor = new LinkedHashMap<>();
        byId.keySet().forEach(id -> waitsFor.put(id, new ArrayList<>()));
        for (ResolvedStack stack : byId.values()) {
            for (String dependency : stack.artifact().stackDependencies()) {
                if (!byId.containsKey(dependency)) {
                    continue;
                }
                if (reverse) {
                    waitsFor.get(dependency).add(stack.displayName());
                } else {
                    waitsFor.get(stack.displayName()).add(dependency);
                }
            }
        }
        return waitsFor;
    }

    private static List<String> topologicalOrder(Map<String, List<String>> waitsFor) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> unblocks = new HashMap<>();
        waitsFor.forEach((id, deps) -> {
            pending.put(id, deps.size());
            deps.forEach(d -> unblocks.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        });
        Deque<String> ready = new ArrayDeque<>();
        waitsFor.keySet().stream().filter(id -> pending.get(id) == 0).forEach(ready::add);
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : unblocks.getOrDefault(id, List.of())) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() != waitsFor.size()) {
            List<String> cycle = waitsFor.keySet().stream().filter(id -> !order.contains(id)).toList();
            throw new ToolkitException(ErrorCode.ASSEMBLY, "Stacks depend on each other in a cycle: " + cycle
                    + " (remove one of the dependencies in the app)");
        }
        return order;
    }

}
