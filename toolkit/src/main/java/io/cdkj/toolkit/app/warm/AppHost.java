package io.cdkj.toolkit.app.warm;

import io.cdkj.toolkit.app.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
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

    private static final Duration MARKER_WAIT = Duration.ofSeconds(10);

    private final Key key;
    private final Process process;
    private final HostOutput output;
    private final Socket socket;
    private final BufferedReader fromHost;
    private final Writer toHost;
    private int runs;

    private AppHost(Key key, Process process, HostOutput output, Socket socket) throws IOException {
        this.key = key;
        this.process = process;
        this.output = output;
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
            // Reading starts before the connection, so a JVM that fails early can still say why.
            HostOutput output = new HostOutput(process, appOutput);
            Socket socket = accept(server, process, output, timeout);
            AppHost host = new AppHost(key, process, output, socket);
            String hello = host.fromHost.readLine();
            if (hello == null || !hello.equals("HELLO " + token)) {
                host.destroy();
                throw new HostStartException("the app host did not identify itself", output.stderrTail());
            }
            return host;
        } catch (IOException e) {
            throw new HostStartException("cannot start the app host: " + e.getMessage(), "");
        }
    }

    private static Socket accept(ServerSocket server, Process process, HostOutput output, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        server.setSoTimeout(200);
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    output.awaitStderrEnd(Duration.ofSeconds(2));
                    throw new HostStartException("the app host JVM exited with code " + process.exitValue()
                            + " before it connected", output.stderrTail());
                }
                if (System.nanoTime() > deadline) {
                    ProcessTree.kill(process);
                    throw new HostStartException("the app host did not connect within " + timeout.toSeconds() + " s",
                            output.stderrTail());
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
        output.newRun();
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
            output.awaitStderrEnd(Duration.ofSeconds(2));
            return new Outcome.Exited(systemExit, code, output.stderrTail());
        }
        output.awaitMarkers(run, MARKER_WAIT);
        if (reply.startsWith("FAIL ")) {
            String summary = reply.substring(reply.indexOf(' ', 5) + 1);
            return new Outcome.Failed(summary, output.stderrTail());
        }
        return new Outcome.Completed();
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
        ProcessTree.kill(process, tree);
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
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
