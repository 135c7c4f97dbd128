package io.cdkj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line the way a user's shell does: through {@code /bin/sh -c}, so a bare {@code cdkj}
 * is looked up on the {@code PATH} given to the process (Java's own lookup would use this JVM's PATH),
 * with an environment free of the developer's {@code AWS_}/{@code CDKJ_} variables plus the given ones.
 * Stateless.
 */
final class Shell {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Shell() {
    }

    /** Runs {@code program} with {@code args} (each passed as one word) in {@code directory}. */
    static Result run(Path directory, Map<String, String> env, Duration timeout, String program, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", program + " \"$@\"", program));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("cdkj-dist-out", ".txt");
        Path err = Files.createTempFile("cdkj-dist-err", ".txt");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
                assertThat(false).as("%s finished within %s; output so far:%n%s%n%s", command, timeout,
                        Files.readString(out), Files.readString(err)).isTrue();
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
