package io.cdkj.toolkit;

/**
 * Whether the JVM is shutting down — after Ctrl-C or a termination signal, while the shutdown hooks
 * run and the command's threads still do. Code that sees a failure caused by the shutdown (the app
 * killed by the toolkit's hook, a connection closed under it) reports an interruption instead of
 * that failure.
 *
 * <p>Stateless and thread-safe.
 */
public final class JvmShutdown {

    private static final Thread PROBE = new Thread(() -> { }, "cdkj-shutdown-probe");

    private JvmShutdown() {
    }

    /** True once the JVM has begun to shut down. */
    public static boolean inProgress() {
        // The runtime refuses new shutdown hooks once shutdown has begun; that is the only public signal.
        synchronized (PROBE) {
            try {
                Runtime.getRuntime().addShutdownHook(PROBE);
                Runtime.getRuntime().removeShutdownHook(PROBE);
                return false;
            } catch (IllegalStateException e) {
                return true;
            }
        }
    }
}
