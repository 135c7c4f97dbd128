package io.cdkj.toolkit.app.warm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The app host's stdout and stderr, read by two daemon threads: each line goes to {@code appOutput}
 * as it arrives, except {@link AppHostMain#MARKER} lines, which say a run's output is complete; the
 * last lines of stderr since {@link #newRun()} are kept for error messages.
 *
 * <p>Thread-safe.
 */
final class HostOutput {

    private static final int TAIL_LINES = 25;

    private final Consumer<String> appOutput;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Object markers = new Object();
    private final Thread stderrReader;
    private int stdoutMarker = -1;
    private int stderrMarker = -1;

    HostOutput(Process process, Consumer<String> appOutput) {
        this.appOutput = appOutput;
        start(process.getInputStream(), false);
        this.stderrReader = start(process.getErrorStream(), true);
    }

    /** Forgets the previous run's stderr. */
    void newRun() {
        synchronized (stderrTail) {
            stderrTail.clear();
        }
    }

    /** The last lines of stderr since {@link #newRun()} (or since the start). */
    String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /** Waits until both streams have shown run {@code run}'s marker, at most {@code timeout}. */
    void awaitMarkers(int run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (markers) {
            while ((stdoutMarker < run || stderrMarker < run) && System.nanoTime() < deadline) {
                try {
                    markers.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits (at most {@code timeout}) for stderr to end, after the host exited, so its last words are kept. */
    void awaitStderrEnd(Duration timeout) {
        try {
            stderrReader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread start(InputStream stream, boolean stderr) {
        Thread thread = new Thread(() -> read(stream, stderr), stderr ? "cdkj-app-host-stderr" : "cdkj-app-host-stdout");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void read(InputStream stream, boolean stderr) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(AppHostMain.MARKER)) {
                    marker(stderr, line);
                    continue;
                }
                appOutput.accept(line);
                if (stderr) {
                    synchronized (stderrTail) {
                        stderrTail.addLast(line);
                        if (stderrTail.size() > TAIL_LINES) {
                            stderrTail.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the host went away; its exit is reported by the run
        }
    }

    private void marker(boolean stderr, String line) {
        int run;
        try {
            run = Integer.parseInt(line.substring(AppHostMain.MARKER.length()).trim());
        } catch (NumberFormatException e) {
            return;
        }
        synchronized (markers) {
            if (stderr) {
                stderrMarker = run;
            } else {
                stdoutMarker = run;
            }
            markers.notifyAll();
        }
    }
}
