package io.cdkj.toolkit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs this repository's {@code bin/cdkj} as a process, as a user's shell would: in a directory,
 * with none of this JVM's {@code AWS_*} or {@code CDKJ_*} variables and the given environment on top.
 * Output goes through {@link SecretGuard#checkOutput}. Stateless.
 */
public final class Launcher {

    private static final Path LAUNCHER = ReactorApps.repositoryRoot().resolve("bin/cdkj");

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        /** Standard output and standard error together. */
        public String all() {
            return out + err;
        }
    }

    private Launcher() {
    }

    /** Runs {@code bin/cdkj args} in {@code dir}; fails the test after {@code timeoutSeconds}. */
    public static Result run(Path dir, Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("cdkj " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s; output:\n"
                    + Files.readString(out) + Files.readString(err));
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        SecretGuard.checkOutput(result.all());
        return result;
    }
}
