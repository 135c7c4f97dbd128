package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a repository script ({@code bin/cdkj}, {@code ./demo}) as a process with a clean AWS/CDKJ
 * environment plus the given variables, and returns its exit code and output. Stateless.
 */
final class Command {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Command() {
    }

    static Result run(Path workingDirectory, Map<String, String> env, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        // What the developer's shell has must not change the result.
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("cdkj-docs-out", ".txt");
        Path err = Files.createTempFile("cdkj-docs-err", ".txt");
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
