package io.cdkj.toolkit.app.warm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running app host: a child JVM started with the app's class path and {@link AppHostMain},
 * connected back over a loopback socket. {@link #run()} runs the app's {@code main} once more; the
 * app's stdout and stderr lines go to {@code appOutput} as they arrive.
 *
 * <p>Not thread-safe, except {@link #destroy()} (called from a shutdown hook on Ctrl-C).
 */
final class AppHost implements AutoCloseable {

    /** What makes two hosts interchangeable: same launch, directory and environment. */
    record Key(JavaLaunch launch, Path workingDirectory, Map<String, String> environment) {
        Key {
            Objects.requireNonNull(launch, "launch");
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            environment = Map.copyOf(environment);
        }

        @Override
        public String toString() {
            return "AppHost.Key[" + launch.mainClass() + " in " + workingDirectory + "]"; // environment may hold secrets
        }
    }

    /** How a run ended. */
    sealed interface Outcome {
        /** {@code main} returned. */
        record Completed() implements Outcome {
        }

        /** {@code main} threw; {@code summary} is the exception's class and message. */
        record Failed(String summary, String stderrTail) implements Outcome {
        }

        /** The host JVM went away during the run; {@code systemExit} when {@code main} called {@code System.exit}. */
        record Exited(boolean systemExit, int exitCode, String stderrTail) implements Outcome {
        }
    }

    private static final int TAIL_LINES = 25;
    private static final Duration MARKER_WAIT = Duration.ofSeconds(10);

    private final Key key;
    private final Process process;
    private final Socket socket;
    private final BufferedReader fromHost;
    private final Writer toHost;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Object markers = new Object();
    private int stdoutMarker = -1;
    private int stderrMarker = -1;
    private int runs;

    private AppHost(Key key, Process process, Socket socket) throws IOException {
        this.key = key;
        this.process = process;
        this.socket = socket;
        this.fromHost = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.toHost = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts a host and waits until it has connected.
     *
     * @param hostClasses a directory holding {@link AppHostMain}'s class file
     * @throws HostStartException when the JVM cannot be started or does not connect in {@code timeout}
     */
    static AppHost start(Key key, Path hostClasses, Consumer<String> appOutput, Duration timeout) {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> command = key.launch().hostCommand(hostClasses.toString(), AppHostMain.class.getName(),
                    server.getLocalPort());
            ProcessBuilder builder = new ProcessBuilder(command).directory(key.workingDirectory().toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().clear();
            builder.environment().putAll(key.environment());
            builder.environment().put(AppHostMain.TOKEN_ENV, token);
            Process process = builder.start();
            process.getOutputStream().close();
            AppHost[] holder = new AppHost[1];
            Deque<String> startupErrors = new ArrayDeque<>();
            // Drains start before the connection so a JVM that fails early can still say why.
            Thread err = drain(process.getErrorStream(), appOutput, startupErrors, holder, true);
            drain(process.getInputStream(), appOutput, null, holder, false);
            Socket socket = accept(server, process, timeout, err, startupErrors);
            AppHost host = new AppHost(key, process, socket);
            String hello = host.fromHost.readLine();
            if (hello == null || !hello.equals("HELLO " + token)) {
                host.destroy();
                throw new HostStartException("the app host did not identify itself", "");
            }
            synchronized (holder) {
                holder[0] = host;
            }
            return host;
        } catch (IOException e) {
            throw new HostStartException("cannot start the app host: " + e.getMessage(), "");
        }
    }

    private static Socket accept(ServerSocket server, Process process, Duration timeout, Thread err,
                                 Deque<String> startupErrors) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        server.setSoTimeout(200);
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    joinQuietly(err);
                    throw new HostStartException("the app host JVM exited with code " + process.exitValue()
                            + " before it connected", tail(startupErrors));
                }
                if (System.nanoTime() > deadline) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new HostStartException("the app host did not connect within " + timeout.toSeconds() + " s",
                            tail(startupErrors));
                }
            }
        }
    }

    Key key() {
        return key;
    }

    /** The host's process, to check for orphans. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Runs {@code main} once; returns when it has ended and all its output has been read. */
    Outcome run() {
        int run = ++runs;
        synchronized (stderrTail) {
            stderrTail.clear();
        }
        String reply;
        try {
            toHost.write("RUN " + run + "\n");
            toHost.flush();
            reply = fromHost.readLine();
        } catch (IOException e) {
            reply = null;
        }
        if (reply == null || reply.startsWith("EXITING ")) {
            boolean systemExit = reply != null;
            int code = waitForExit();
            return new Outcome.Exited(systemExit, code, tail(stderrTail));
        }
        awaitMarkers(run);
        if (reply.startsWith("FAIL ")) {
            String summary = reply.substring(reply.indexOf(' ', 5) + 1);
            return new Outcome.Failed(summary, tail(stderrTail));
        }
        return new Outcome.Completed();
    }

    private void awaitMarkers(int run) {
        long deadline = System.nanoTime() + MARKER_WAIT.toNanos();
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

    private int waitForExit() {
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        destroy();
        return -1;
    }

    /** Asks the host to exit, then makes sure it and its children (jsii's Node.js) are gone. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            toHost.write("EXIT\n");
            toHost.flush();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(tree);
    }

    /** Stops the host and its children now, without asking; safe from any thread. */
    void destroy() {
        kill(process.descendants().toList());
    }

    private void kill(List<ProcessHandle> tree) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static Thread drain(InputStream stream, Consumer<String> appOutput, Deque<String> startupTail,
                                AppHost[] holder, boolean stderr) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    AppHost host;
                    synchronized (holder) {
                        host = holder[0];
                    }
                    if (line.startsWith(AppHostMain.MARKER)) {
                        if (host != null) {
                            host.marker(stderr, line);
                        }
                        continue;
                    }
                    appOutput.accept(line);
                    Deque<String> tail = host != null && stderr ? host.stderrTail : startupTail;
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
                // the host went away; its exit is reported by run()
            }
        }, stderr ? "cdkj-app-host-stderr" : "cdkj-app-host-stdout");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String tail(Deque<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The host could not be started; the caller runs the app cold instead. */
    static final class HostStartException extends RuntimeException {
        private final String stderrTail;

        HostStartException(String message, String stderrTail) {
            super(message);
            this.stderrTail = stderrTail;
        }

        String stderrTail() {
            return stderrTail;
        }
    }
}
