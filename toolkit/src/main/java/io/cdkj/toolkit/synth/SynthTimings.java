package io.cdkj.toolkit.synth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a synth's wall time went: app runs, lookups (credential resolution and AWS calls), and the
 * toolkit's own work (the rest: reading manifests, writing context, ...).
 *
 * @param appRuns each app run's wall time
 * @param lookups wall time of the lookup rounds
 * @param total   the whole synth
 */
public record SynthTimings(List<Duration> appRuns, Duration lookups, Duration total) {

    public SynthTimings {
        appRuns = List.copyOf(appRuns);
        Objects.requireNonNull(lookups, "lookups");
        Objects.requireNonNull(total, "total");
    }

    /** Sum of the app runs. */
    public Duration app() {
        return appRuns.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Everything but app runs and lookups. */
    public Duration toolkit() {
        Duration rest = total.minus(app()).minus(lookups);
        return rest.isNegative() ? Duration.ZERO : rest;
    }

    /** One line for {@code --verbose}. */
    public String render() {
        return String.format(Locale.ROOT, "Synth timing: total %s = app %s (%d run%s: %s) + lookups %s + toolkit %s",
                seconds(total), seconds(app()), appRuns.size(), appRuns.size() == 1 ? "" : "s",
                appRuns.stream().map(SynthTimings::seconds).collect(Collectors.joining(", ")),
                seconds(lookups), seconds(toolkit()));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
