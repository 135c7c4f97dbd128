package io.cdkj.toolkit.app;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.JvmShutdown;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.UntrustedText;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the app as a fresh process per run ({@code sh -c COMMAND} in the project directory), the way
 * the CDK CLI does. The app's output lines go to {@code appOutput} as they arrive and the last
 * lines of its stderr are kept to choose the hint of the error message; start and end are reported
 * on {@code progress} with the elapsed time.
 *
 * <p>Not thread-safe: one run at a time.
 */
public final class ColdAppRunner implements AppRunner {

    private static final int TAIL_LINES = 25;

    private final PrintWriter progress;
    private final Consumer<String> appOutput;
    private final Map<String, String> inheritedEnvironment;
    private final Clock clock;
    private final Consumer<String> verbose;

    /**
     * @param progress  where "Running app ..." / "App finished in ..." go (stderr)
     * @param appOutput receives every line the app prints (stdout and stderr)
     */
    public ColdAppRunner(PrintWriter progress, Consumer<String> appOutput) {
        this(progress, appOutput, System.getenv(), Clock.systemUTC());
    }

    /**
     * @param inheritedEnvironment the environment the app starts from (the toolkit's own), before the
     *                             CDK variables are added
     */
    public ColdAppRunner(PrintWriter progress, Consumer<String> appOutput, Map<String, String> inheritedEnvironment,
                         Clock clock) {
        this(progress, appOutput, inheritedEnvironment, clock, line -> { });
    }

    /**
     * @param verbose receives the whole app command when the "Running app" line shows only its
     *                {@link AppCommandLine#summary summary} ({@code --verbose})
     */
    public ColdAppRunner(PrintWriter progress, Consumer<String> appOutput, Map<String, String> inheritedEnvironment,
                         Clock clock, Consumer<String> verbose) {
        this.verbose = Objects.requireNonNull(verbose, "verbose");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.appOutput = Objects.requireNonNull(appOutput, "appOutput");
        this.inheritedEnvironment = Map.copyOf(inheritedEnvironment);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AppRun run(AppRequest request) {
        createOutputDirectory(request.outputDirectory());
        try (AppEnvironment env = AppEnvironment.prepare(request, inheritedEnvironment, AppEnvironment.defaultLimit())) {
            ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", request.command()))
                    .directory(request.workingDirectory().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env.variables());
            AppCommandLine.report(request.command(), "", progress, verbose);
            ErrorFile.clear(request.outputDirectory());
            Instant start = clock.instant();
            Process process = start(builder, request);
            Deque<String> stderrTail = new ArrayDeque<>();
            Thread out = drain(process.getInputStream(), null);
            Thread err = drain(process.getErrorStream(), stderrTail);
            // A toolkit stopped by a signal (CI cancelling a job) must not leave the app's JVM and node behind.
            AtomicBoolean stoppedByShutdown = new AtomicBoolean();
            Thread stopApp = new Thread(() -> {
                stoppedByShutdown.set(true);
                ProcessTree.kill(process);
            }, "cdkj-app-stop");
            Runtime.getRuntime().addShutdownHook(stopApp);
            int exit;
            try {
                exit = waitFor(process, out, err);
            } finally {
                removeShutdownHook(stopApp);
            }
            if (stoppedByShutdown.get() || JvmShutdown.inProgress()) {
                // The app did not fail: the toolkit's own shutdown hook stopped it (exit 137, 143, …).
                throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while the app was running; stopped it.");
            }
            Duration elapsed = Duration.between(start, clock.instant());
            progress.printf(Locale.ROOT, "App finished in %.1f s%n", elapsed.toMillis() / 1000.0);
            progress.flush();
            if (exit != 0) {
                throw failed(request, exit, tail(stderrTail), env.variables().get("PATH"));
            }
            return new AppRun(request.outputDirectory(), elapsed);
        }
    }

    private static void createOutputDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot create the output directory " + dir + ": "
                    + e.getMessage() + ". Choose another one with -o/--output.", e);
        }
    }

    private static Process start(ProcessBuilder builder, AppRequest request) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot start the app '" + UntrustedText.excerpt(request.command())
                    + "' in "
                    + request.workingDirectory() + ": " + e.getMessage() + ". Check that 'sh' is on PATH.", e);
        }
    }

    private Thread drain(InputStream stream, Deque<String> tail) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    appOutput.accept(line);
                    if (tail != null) {
                        synchronized (tail) {
                            tail.addLast(line);
                            if (tail.size() > TAIL_LINES) {
                                tail.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away; its exit code tells the story
            }
        }, "cdkj-app-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is stopping the app
        }
    }

    private static int waitFor(Process process, Thread out, Thread err) {
        try {
            int exit = process.waitFor();
            out.join();
            err.join();
            return exit;
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while the app was running; stopped it.", e);
        }
    }

    private static String tail(Deque<String> lines) {
        synchronized (lines) {
            return lines.stream().filter(l -> !l.startsWith("!!")).reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }

    /**
     * One line: the app's output, stderr included, was printed as it ran (through {@code appOutput}), so
     * the message names the command and the likely fix; the stderr tail only picks the hint.
     */
    private static ToolkitException failed(AppRequest request, int exit, String stderrTail, String path) {
        return new ToolkitException(ErrorCode.APP, "The app failed with exit code " + exit
                + ErrorFile.describe(request.outputDirectory()) + ": "
                + UntrustedText.excerpt(request.command()) + ". " + hint(request, exit, stderrTail, path));
    }

    static String hint(AppRequest request, int exit, String stderrTail, String path) {
        Optional<String> node = NodeHint.forFailure(stderrTail, path);
        if (node.isPresent()) {
            return node.get();
        }
        if (exit == 126 || exit == 127) {
            return "Hint: the app command could not be run. Check --app or \"app\" in cdk.json ("
                    + request.workingDirectory() + ") and run it by hand there.";
        }
        return "Hint: fix the error above, or run the app command by hand in " + request.workingDirectory()
                + " to see its full output.";
    }
}
