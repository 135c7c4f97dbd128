package io.cdkj.toolkit.plugins;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plugin code so that it cannot take the host down: each call on a thread of its own, under a
 * deadline ({@value #TIMEOUT_VARIABLE}, default {@link #DEFAULT_TIMEOUT}); whatever it throws —
 * assertion errors and stack overflows included, only a broken JVM ({@link VirtualMachineError}s other
 * than {@link StackOverflowError}) excepted — is that plugin's failure ({@link PluginCallFailed}), the
 * same for every method; and while it runs the call is known, so that a plugin ending the process with
 * {@code System.exit} is recognized ({@link PluginExitWatch}). A call that exceeds the deadline is
 * abandoned (its thread is interrupted and left to end on its own; it is a daemon).
 *
 * <p>{@link RuntimeException}s pass through unchanged: they are the plugin's own answer
 * ({@code CredentialProviderException} with its message), which the host reports as it always has.
 *
 * <p>Thread-safe.
 */
public final class PluginGuard {

    /** How long one plugin call may take unless {@value #TIMEOUT_VARIABLE} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Environment variable: the deadline of one plugin call, in seconds. */
    public static final String TIMEOUT_VARIABLE = "CDKJ_PLUGIN_TIMEOUT";

    /** The plugin calls the host waits for now, by the thread running each: what {@link PluginExitWatch} inspects. */
    static final Map<Thread, Call> IN_PROGRESS = new ConcurrentHashMap<>();
    /** Calls the host stopped waiting for (past the deadline) whose threads still run plugin code. */
    static final Map<Thread, Call> ABANDONED = new ConcurrentHashMap<>();

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "cdkj-plugin-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * One plugin call, for messages.
     *
     * @param plugin the plugin's name, or its class before the name is known
     * @param method the method called, e.g. {@code canProvideCredentials}
     */
    record Call(String plugin, String method) {
    }

    private final Duration timeout;

    /** A guard with {@code timeout} as the deadline of every call. */
    public PluginGuard(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        PluginExitWatch.install();
    }

    /** The default guard. */
    public static PluginGuard defaults() {
        return new PluginGuard(DEFAULT_TIMEOUT);
    }

    /**
     * The guard configured by {@value #TIMEOUT_VARIABLE} in {@code environment}.
     *
     * @throws ToolkitException {@link ErrorCode#USAGE} naming the variable when it is not a positive number
     */
    public static PluginGuard fromEnvironment(Map<String, String> environment) {
        String value = environment.get(TIMEOUT_VARIABLE);
        if (value == null || value.isBlank()) {
            return defaults();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0 && seconds <= 86_400) {
                return new PluginGuard(Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ToolkitException(ErrorCode.USAGE, TIMEOUT_VARIABLE + " is '" + UntrustedText.excerpt(value)
                + "', but it must be a whole number of seconds from 1 to 86400 (default "
                + DEFAULT_TIMEOUT.toSeconds() + ").");
    }

    /** The deadline of one call. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs {@code body} — plugin code — under the deadline.
     *
     * @param plugin the plugin's name (or class, before its name is known), for messages
     * @param method the plugin method {@code body} calls, for messages
     * @throws PluginCallFailed when the call threw an {@link Error} or checked exception, or did not
     *     return in time
     * @throws RuntimeException what the plugin threw, unchanged
     * @throws ToolkitException {@link ErrorCode#INTERRUPTED} when the calling thread is interrupted
     */
    public <T> T call(String plugin, String method, Callable<T> body) {
        return start(plugin, method, body).result();
    }

    /**
     * Starts {@code body} on a plugin thread without waiting, so several plugins can run at once (their
     * constructors, say); {@link Running#result()} then waits, at most until the deadline counted from
     * now.
     */
    <T> Running<T> start(String plugin, String method, Callable<T> body) {
        Call call = new Call(plugin, method);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Running<T> running = new Running<>(call, System.nanoTime() + timeout.toNanos());
        running.future = WORKERS.submit(() -> {
            Thread self = Thread.currentThread();
            running.worker = self;
            IN_PROGRESS.put(self, call);
            self.setContextClassLoader(context);
            try {
                return body.call();
            } finally {
                IN_PROGRESS.remove(self);
                ABANDONED.remove(self);
            }
        });
        return running;
    }

    /** A started plugin call. Thread-safe. */
    final class Running<T> {
        private final Call call;
        private final long deadline;
        private volatile Future<T> future;
        private volatile Thread worker;

        private Running(Call call, long deadline) {
            this.call = call;
            this.deadline = deadline;
        }

        /** Waits for the call, as {@link PluginGuard#call} does. */
        T result() {
            try {
                return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandon();
                throw new PluginCallFailed(call.method() + " did not return within " + timeout.toSeconds()
                        + " s (the limit " + TIMEOUT_VARIABLE + " sets)", e);
            } catch (InterruptedException e) {
                abandon();
                Thread.currentThread().interrupt();
                throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while plugin '" + call.plugin()
                        + "' ran " + call.method() + ".", e);
            } catch (ExecutionException e) {
                throw failure(call.method(), e.getCause());
            }
        }

        /** Stops waiting: the thread is interrupted, and no longer counts as a call the host waits for. */
        private void abandon() {
            Thread thread = worker;
            if (thread != null && IN_PROGRESS.remove(thread) != null) {
                ABANDONED.put(thread, call);
            }
            future.cancel(true);
        }
    }

    /** What a plugin call that ended with {@code thrown} means for the host. */
    private static RuntimeException failure(String method, Throwable thrown) {
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof VirtualMachineError broken && !(thrown instanceof StackOverflowError)) {
            throw broken;
        }
        String message = thrown.getMessage();
        return new PluginCallFailed(method + " threw " + thrown.getClass().getName()
                + (message == null || message.isBlank() ? "" : ": " + UntrustedText.excerpt(message)), thrown);
    }

    /** The plugin call {@code thread} is running, if any. */
    static Optional<Call> callOn(Thread thread) {
        return Optional.ofNullable(IN_PROGRESS.get(thread));
    }

    @Override
    public String toString() {
        return "PluginGuard[timeout=" + timeout + "]";
    }
}
