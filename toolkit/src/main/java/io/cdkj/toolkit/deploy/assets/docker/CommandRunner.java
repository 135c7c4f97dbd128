package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.app.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs programs the way the image publisher needs: an argument array (no shell), an environment built
 * from the toolkit's own (not the JVM's), optional stdin (how passwords reach {@code docker login}),
 * stdout collected and the last lines of stderr kept for the error message, everything shown passed
 * through the {@link Redactor}. An interrupt kills the program and its children.
 *
 * <p>Thread-safe: each call has its own process and reader threads.
 */
public final class CommandRunner {

    /** How many last lines of stderr a failure shows. */
    public static final int TAIL_LINES = 6;
    private static final int STDOUT_LIMIT = 1 << 20;

    private final Map<String, String> environment;
    private final Redactor redactor;

    /**
     * @param environment the environment every command starts from (the toolkit's process environment)
     * @param redactor    the secrets to hide in what the runner hands back
     */
    public CommandRunner(Map<String, String> environment, Redactor redactor) {
        this.environment = Map.copyOf(environment);
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** The environment commands start from. */
    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Runs {@code command} to its end.
     *
     * @throws IOException      when the program cannot be started (not found, not executable)
     * @throws ToolkitException ({@link ErrorCode#INTERRUPTED}) when the calling thread is interrupted; the program is killed
     */
    public CommandResult run(CommandLine command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command.arguments()).directory(command.workDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(command.environment());
        Process process = builder.start();
        Reader out = new Reader(process.getInputStream(), true);
        Reader err = new Reader(process.getErrorStream(), false);
        Thread outThread = start(out, command);
        Thread errThread = start(err, command);
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                if (command.stdin().isPresent()) {
                    stdin.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException closedEarly) {
                // the program exited without reading stdin: its exit code tells the story
            }
            int exitCode = process.waitFor();
            outThread.join();
            errThread.join();
            List<String> tail = err.tail().isEmpty() ? out.tail() : err.tail();
            return new CommandResult(exitCode, redactor.redact(out.text()),
                    tail.stream().map(redactor::redact).toList());
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw new ToolkitException(ErrorCode.INTERRUPTED, "Interrupted while running " + command.summary(), e);
        }
    }

    private static Thread start(Reader reader, CommandLine command) {
        Thread thread = new Thread(reader, "cdkj-" + command.summary().replace(' ', '-') + "-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Drains one stream: keeps the text (stdout) and the last non-blank lines. */
    private static final class Reader implements Runnable {
        private final InputStream stream;
        private final boolean keepText;
        private final StringBuilder text = new StringBuilder();
        private final Deque<String> tail = new ArrayDeque<>();

        Reader(InputStream stream, boolean keepText) {
            this.stream = stream;
            this.keepText = keepText;
        }

        @Override
        public void run() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    remember(line);
                }
            } catch (IOException e) {
                // the process went away; what was read is what there is
            }
        }

        private synchronized void remember(String line) {
            if (keepText && text.length() < STDOUT_LIMIT) {
                text.append(line).append('\n');
            }
            if (!line.isBlank()) {
                tail.addLast(line.strip());
                if (tail.size() > TAIL_LINES) {
                    tail.removeFirst();
                }
            }
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized List<String> tail() {
            return List.copyOf(tail);
        }
    }
}
