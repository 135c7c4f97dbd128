package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one job per stack once everything it waits for has ended: at most {@code perEnvironment} stacks of
 * one environment (account and region: they share its API limits) at a time, and stacks of at most
 * {@code environments} environments at a time (other accounts and regions do not compete, so this bound
 * is the network's, not theirs). A stack whose predecessor failed or was skipped is skipped without
 * taking a slot. Ready stacks start in the order given; an environment waiting for its first slot gets
 * it in the order it became ready. Each completion costs work proportional to the stacks it releases
 * and the environments active at once, never to all stacks.
 *
 * <p>One instance per run; {@link #run()} blocks until every stack has a result. Thread-safe.
 */
final class StackScheduler {

    private final StackGraph graph;
    private final boolean reverse;
    private final Map<String, ResolvedStack> byId;
    private final int perEnvironment;
    private final int environments;
    private final Function<ResolvedStack, StackResult> job;

    private final Map<String, Integer> pending = new HashMap<>();
    private final Map<String, StackResult> results = new HashMap<>();
    private final Map<AwsEnvironment, Deque<String>> ready = new HashMap<>();
    private final Map<AwsEnvironment, Integer> running = new HashMap<>();
    private final Set<AwsEnvironment> activeWithReady = new LinkedHashSet<>();
    private final Set<AwsEnvironment> waitingToStart = new LinkedHashSet<>();
    private final CountDownLatch done;
    private int activeEnvironments;
    private ExecutorService pool;

    StackScheduler(StackGraph graph, boolean reverse, Map<String, ResolvedStack> byId, int perEnvironment,
            int environments, Function<ResolvedStack, StackResult> job) {
        if (perEnvironment < 1 || environments < 1) {
            throw new IllegalArgumentException("limits must be at least 1: " + perEnvironment + ", " + environments);
        }
        this.graph = graph;
        this.reverse = reverse;
        this.byId = byId;
        this.perEnvironment = perEnvironment;
        this.environments = environments;
        this.job = job;
        this.done = new CountDownLatch(byId.size());
    }

    /**
     * @return every stack's result, by id
     * @throws ToolkitException ({@link ErrorCode#ASSEMBLY}) naming the stacks of a dependency cycle, before
     *     any job runs; ({@link ErrorCode#INTERRUPTED}) when interrupted while jobs run
     */
    Map<String, StackResult> run() {
        List<String> order = reverse ? graph.reverseOrder() : graph.order();
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.max(1, Math.min(byId.size(), perEnvironment * environments)), r -> {
            Thread t = new Thread(r, "cdkj-stack-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            synchronized (this) {
                for (String id : order) {
                    pending.put(id, waitsFor(id).size());
                }
                for (String id : order) {
                    if (pending.get(id) == 0) {
                        becomeReady(id); // nothing has failed yet: no skips at the start
                    }
                }
                pump();
            }
            done.await();
            synchronized (this) {
                return Map.copyOf(results);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while deploying stacks.", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> waitsFor(String id) {
        return reverse ? graph.dependentsOf(id) : graph.dependenciesOf(id);
    }

    private Set<String> releases(String id) {
        return reverse ? graph.dependenciesOf(id) : graph.dependentsOf(id);
    }

    /** {@code id} waits for nothing more: skip it (returning why), or queue it in its environment. Holds the lock. */
    private StackResult becomeReady(String id) {
        for (String before : waitsFor(id)) {
            StackResult result = results.get(before);
            if (!result.outcome().ok()) {
                return StackResult.skipped(byId.get(id).stackName(), "skipped because " + result.stackName()
                        + (result.outcome() == StackResult.Outcome.SKIPPED ? " was skipped" : " failed"));
            }
        }
        AwsEnvironment environment = byId.get(id).environment();
        ready.computeIfAbsent(environment, e -> new ArrayDeque<>()).add(id);
        (running.getOrDefault(environment, 0) > 0 ? activeWithReady : waitingToStart).add(environment);
        return null;
    }

    /** Starts what the limits allow: free slots of active environments first, then new environments. Holds the lock. */
    private void pump() {
        for (var it = activeWithReady.iterator(); it.hasNext(); ) {
            AwsEnvironment environment = it.next();
            fill(environment);
            if (ready.get(environment).isEmpty()) {
                it.remove();
            }
        }
        for (var it = waitingToStart.iterator(); it.hasNext() && activeEnvironments < environments; ) {
            AwsEnvironment environment = it.next();
            it.remove();
            fill(environment);
            if (!ready.get(environment).isEmpty()) {
                activeWithReady.add(environment);
            }
        }
    }

    private void fill(AwsEnvironment environment) {
        Deque<String> queue = ready.get(environment);
        while (!queue.isEmpty() && running.getOrDefault(environment, 0) < perEnvironment) {
            String id = queue.poll();
            if (running.merge(environment, 1, Integer::sum) == 1) {
                activeEnvironments++;
            }
            pool.execute(() -> complete(id, runJob(byId.get(id))));
        }
    }

    private StackResult runJob(ResolvedStack stack) {
        try {
            return job.apply(stack);
        } catch (RuntimeException e) {
            // a bug or an interruption in one stack must not hide the results of the others
            return StackResult.failed(stack.stackName(), Duration.ZERO, String.valueOf(e.getMessage()));
        }
    }

    private synchronized void complete(String id, StackResult result) {
        AwsEnvironment environment = byId.get(id).environment();
        if (running.merge(environment, -1, Integer::sum) == 0) {
            activeEnvironments--;
            if (!ready.get(environment).isEmpty()) {
                activeWithReady.remove(environment);
                waitingToStart.add(environment);
            }
        }
        finish(id, result);
        pump();
    }

    /**
     * Records {@code id}'s result and releases the stacks waiting for it, skipping those it failed —
     * iteratively, so a long chain of skipped stacks cannot overflow the stack. Holds the lock.
     */
    private void finish(String id, StackResult result) {
        Deque<Map.Entry<String, StackResult>> finished = new ArrayDeque<>();
        finished.add(Map.entry(id, result));
        while (!finished.isEmpty()) {
            Map.Entry<String, StackResult> entry = finished.poll();
            results.put(entry.getKey(), entry.getValue());
            done.countDown();
            for (String next : releases(entry.getKey())) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    StackResult skipped = becomeReady(next);
                    if (skipped != null) {
                        finished.add(Map.entry(next, skipped));
                    }
                }
            }
        }
    }
}
