package io.cdkj.toolkit.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything it started (the app's JVM, jsii's {@code node}), and waits until
 * they are gone, so no process outlives the toolkit's answer. Thread-safe (stateless).
 */
public final class ProcessTree {

    /** How long to wait for killed processes to disappear. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private ProcessTree() {
    }

    /** The process's descendants now: take it before the process dies, when its children get reparented. */
    public static List<ProcessHandle> descendants(Process process) {
        return process.descendants().toList();
    }

    /** Kills {@code process} and its current descendants, and waits for them. */
    public static void kill(Process process) {
        kill(process, descendants(process));
    }

    /**
     * Kills {@code descendants} (deepest first, so none is left to be reparented) and {@code process}
     * with SIGKILL, then waits up to {@link #STOP_WAIT} until every one has exited. Keeps the caller's
     * interrupt status.
     */
    public static void kill(Process process, List<ProcessHandle> descendants) {
        List<ProcessHandle> tree = new ArrayList<>(descendants);
        tree.sort(Comparator.comparingInt(ProcessTree::depth).reversed());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (ProcessHandle handle : tree) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    // gone already, or still dying: nothing more a SIGKILL can do
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int depth(ProcessHandle handle) {
        int depth = 0;
        for (ProcessHandle p = handle; p.parent().isPresent() && depth < 64; p = p.parent().get()) {
            depth++;
        }
        return depth;
    }
}
