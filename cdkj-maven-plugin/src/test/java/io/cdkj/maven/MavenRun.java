package io.cdkj.maven;

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
 * Runs a project's Maven wrapper as a process — a real {@code mvn}, as CI runs it — against an isolated
 * local repository ({@code maven.repo.local}) that holds this reactor's artifacts, reading everything
 * else from the user's repository as a read-only tail ({@code maven.repo.local.tail}), with a clean
 * {@code AWS_}/{@code CDKJ_} environment plus the given variables. Stateless.
 */
final class MavenRun {

    record Result(int exitCode, String output) {
    }

    private MavenRun() {
    }

    static Result run(Path project, Path repository, Path tail, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + tail));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CDKJ_")
                || name.startsWith("MAVEN_"));
        builder.environment().putAll(env);
        Path output = Files.createTempFile("cdkj-mvn", ".log");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(output.toFile()).start();
            Duration timeout = Duration.ofMinutes(10);
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
                assertThat(false).as("mvn %s finished within %s; output so far:%n%s", List.of(args), timeout,
                        Files.readString(output)).isTrue();
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
