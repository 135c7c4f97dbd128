package io.cdkj.toolkit.app.warm;

import io.cdkj.toolkit.app.AppRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place a command chooses how to run the app: the warm app host (which itself falls back to
 * {@code cold} run by run), or {@code cold} alone for {@code --no-warm} or {@code "cdkj": {"warm":
 * false}} in cdk.json.
 *
 * <p>Stateless and thread-safe.
 */
public final class AppRunners {

    private AppRunners() {
    }

    /**
     * The runner for a synth in {@code projectDirectory}.
     *
     * @param cold        the cold runner (also used for every run the host cannot take)
     * @param warm        false for {@code --no-warm}
     * @param progress    stderr: "Running app ..." lines
     * @param appOutput   receives every line the app prints
     * @param verbose     receives why runs are cold and what was resolved (a no-op unless {@code --verbose})
     * @param environment the toolkit's environment, which the app inherits
     * @throws io.cdkj.toolkit.ToolkitException USAGE when the {@code "cdkj"} block of cdk.json is malformed
     */
    public static AppRunner select(AppRunner cold, boolean warm, Path projectDirectory, PrintWriter progress,
                                   Consumer<String> appOutput, Consumer<String> verbose,
                                   Map<String, String> environment) {
        if (!warm) {
            verbose.accept("Running the app cold (a fresh process per run): --no-warm");
            return cold;
        }
        WarmSettings settings = WarmSettings.read(projectDirectory.resolve("cdk.json"));
        return new WarmAppRunner(cold, new LaunchResolver(settings, verbose), progress, appOutput, verbose,
                environment, Clock.systemUTC());
    }
}
