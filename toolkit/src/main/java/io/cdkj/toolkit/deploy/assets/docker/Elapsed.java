package io.cdkj.toolkit.deploy.assets.docker;

import java.time.Duration;
import java.util.Locale;

/** Elapsed times for progress lines, e.g. {@code 2.3s}. Stateless. */
final class Elapsed {

    private Elapsed() {
    }

    static Duration between(long startNanos, long endNanos) {
        return Duration.ofNanos(endNanos - startNanos);
    }

    static String since(long startNanos) {
        return format(between(startNanos, System.nanoTime()));
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
