package io.cdkj.toolkit.app;

import io.cdkj.toolkit.ToolkitException;

/**
 * Runs a CDK app so it writes a cloud assembly. The synth loop calls {@link #run} once per lookup
 * round with the updated context; implementations may keep state between runs (a warm app host
 * keeps one JVM alive and re-runs {@code main}), so the loop closes the runner at the end.
 *
 * <p>Implementations say whether they are thread-safe; the synth loop calls them from one thread.
 */
public interface AppRunner extends AutoCloseable {

    /**
     * Runs the app once.
     *
     * @throws ToolkitException with {@link io.cdkj.toolkit.ErrorCode#APP} when the app cannot be
     *     started or fails (message names the command, the exit code, the tail of the app's stderr and a
     *     hint), or {@link io.cdkj.toolkit.ErrorCode#INTERRUPTED}
     */
    AppRun run(AppRequest request);

    /** Releases whatever the runner keeps between runs. The cold runner keeps nothing. */
    @Override
    default void close() {
    }
}
