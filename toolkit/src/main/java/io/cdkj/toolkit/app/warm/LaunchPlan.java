package io.cdkj.toolkit.app.warm;

import java.util.Objects;

/** Whether an app can run in the warm app host, and how — or why not. */
public sealed interface LaunchPlan {

    /** Run in the app host with this launch. */
    record Warm(JavaLaunch launch) implements LaunchPlan {
        public Warm {
            Objects.requireNonNull(launch, "launch");
        }
    }

    /** Run the app command in a fresh process; {@code reason} is shown with {@code --verbose}. */
    record Cold(String reason) implements LaunchPlan {
        public Cold {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
