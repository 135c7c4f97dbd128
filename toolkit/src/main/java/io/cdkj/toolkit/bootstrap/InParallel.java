package io.cdkj.toolkit.bootstrap;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies a function to every item, at most {@code concurrency} at a time, keeping the order. The
 * function handles its own failures; an exception escaping it (a bug) fails the whole call once every
 * item has ended. Stateless; each call uses its own threads, which end with it.
 */
final class InParallel {

    private InParallel() {
    }

    static <T, R> List<R> map(List<? extends T> items, int concurrency, Function<T, ? extends R> function) {
        if (items.isEmpty()) {
            return List.of();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(concurrency, items.size()), r -> {
            Thread t = new Thread(r, "cdkj-bootstrap-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<? extends R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> function.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<? extends R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while bootstrapping", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }
}
