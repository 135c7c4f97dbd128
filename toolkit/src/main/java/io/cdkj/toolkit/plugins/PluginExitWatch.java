package io.cdkj.toolkit.plugins;

import io.cdkj.toolkit.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a plugin's {@code System.exit} into the host's plugin failure: a shutdown hook that, when the
 * thread ending the process is running a plugin call ({@link PluginGuard}), prints one line naming the
 * plugin and the method, lets the toolkit's other shutdown hooks finish (they stop the app's processes),
 * and halts with {@link ErrorCode#PLUGIN}'s exit code. Without it {@code System.exit(0)} in a plugin's
 * constructor, {@code canProvideCredentials} or {@code getProvider} would end the command as a silent
 * success. A Ctrl-C or a plain exit of the host is left alone: the thread ending the process is then not
 * a plugin call's.
 *
 * <p>Installed once per process, the first time a {@link PluginGuard} is made. Thread-safe.
 */
public final class PluginExitWatch {

    private static final long OTHER_HOOKS_MILLIS = 10_000;
    private static boolean installed;

    private PluginExitWatch() {
    }

    static synchronized void install() {
        if (!installed) {
            installed = true;
            Runtime.getRuntime().addShutdownHook(new Thread(PluginExitWatch::onShutdown, "cdkj-plugin-exit-watch"));
        }
    }

    /**
     * The plugin call that is ending the process with {@code System.exit}, if that is why the JVM shuts
     * down: a thread running a plugin call is inside {@code Runtime.exit}.
     */
    public static Optional<String> exitingPluginCall() {
        if (PluginGuard.IN_PROGRESS.isEmpty() && PluginGuard.ABANDONED.isEmpty()) {
            return Optional.empty();
        }
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        Map<Thread, PluginGuard.Call> plugins = new HashMap<>(PluginGuard.ABANDONED);
        plugins.putAll(PluginGuard.IN_PROGRESS);
        for (Map.Entry<Thread, PluginGuard.Call> running : plugins.entrySet()) {
            if (isExiting(threads.getOrDefault(running.getKey(), new StackTraceElement[0]))) {
                return Optional.of(describe(running.getValue()));
            }
        }
        if (PluginGuard.IN_PROGRESS.isEmpty()) {
            return Optional.empty();
        }
        // While the host waits for a plugin call, a thread the plugin started itself may end the process:
        // any thread but the host's main thread and the JDK's signal handlers.
        for (Map.Entry<Thread, StackTraceElement[]> thread : threads.entrySet()) {
            if (!thread.getKey().getName().equals("main") && isExiting(thread.getValue()) && !isSignal(thread.getValue())) {
                return PluginGuard.IN_PROGRESS.values().stream().findFirst().map(PluginExitWatch::describe);
            }
        }
        return Optional.empty();
    }

    private static String describe(PluginGuard.Call call) {
        return "plugin '" + call.plugin() + "' called System.exit in " + call.method();
    }

    private static boolean isExiting(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getMethodName().equals("exit") && (frame.getClassName().equals("java.lang.Runtime")
                    || frame.getClassName().equals("java.lang.Shutdown"))) {
                return true;
            }
        }
        return false;
    }

    /** Ctrl-C and termination signals end the process from the JDK's signal handler. */
    private static boolean isSignal(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("jdk.internal.misc.Signal")) {
                return true;
            }
        }
        return false;
    }

    private static void onShutdown() {
        Optional<String> exiting = exitingPluginCall();
        if (exiting.isEmpty()) {
            return;
        }
        System.err.println("Error: " + exiting.get() + ", which would have ended cdkj as if the command had"
                + " succeeded. A plugin must never end the process; remove it from the plugin path or fix it.");
        System.err.flush();
        awaitOtherToolkitHooks();
        Runtime.getRuntime().halt(ErrorCode.PLUGIN.exitCode());
    }

    /** The toolkit's other hooks (named {@code cdkj-…}, not daemons) stop child processes: let them. */
    private static void awaitOtherToolkitHooks() {
        long deadline = System.currentTimeMillis() + OTHER_HOOKS_MILLIS;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && !thread.isDaemon() && thread.getName().startsWith("cdkj-")) {
                try {
                    thread.join(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
