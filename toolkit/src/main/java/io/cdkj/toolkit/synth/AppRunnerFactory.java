package io.cdkj.toolkit.synth;

import io.cdkj.toolkit.app.AppRunner;

/** Opens the app runner of one synth; the composition root decides what a runner is made of. */
@FunctionalInterface
public interface AppRunnerFactory {

    /**
     * @param warm false for {@code --no-warm}: a fresh process per app run
     * @return a runner the caller closes after the synth
     */
    AppRunner open(boolean warm);
}
