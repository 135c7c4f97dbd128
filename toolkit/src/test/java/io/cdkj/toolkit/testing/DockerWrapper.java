package io.cdkj.toolkit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A {@code CDK_DOCKER} script for tests: appends each invocation's arguments to a log (arguments
 * carry no secrets by design, and tests scan the log for them), notes whether a push's
 * {@code DOCKER_CONFIG} holds a login, and then runs the real {@code docker}. Optionally it holds
 * pushes at a barrier until N have started (proof that they overlap: serial pushes fail at the
 * barrier's deadlock guard), or records {@code OVERLAP} when a push or build starts while another runs.
 * Not thread-safe (one per test).
 */
public final class DockerWrapper {

    private final Path script;
    private final Path log;
    private final Path state;

    private DockerWrapper(Path script, Path log, Path state) {
        this.script = script;
        this.log = log;
        this.state = state;
    }

    public static DockerWrapper create(Path directory) throws IOException {
        Path log = directory.resolve("docker-invocations.log");
        Path state = Files.createDirectories(directory.resolve("wrapper-state"));
        Path script = directory.resolve("docker-wrapper.sh");
        Files.writeString(log, "");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "log='" + log + "'",
                "printf '%s\\n' \"$*\" >> \"$log\"",
                "if [ \"$1\" = push ] && [ -n \"$DOCKER_CONFIG\" ] && grep -q '\"auths\"' \"$DOCKER_CONFIG/config.json\" 2>/dev/null; then",
                "  echo push-config-has-auths >> \"$log\"",
                "fi",
                "if [ \"$1\" = push ] && [ -n \"$PUSH_BARRIER\" ]; then",
                "  touch \"$PUSH_BARRIER/$$\"; i=0",
                "  while [ \"$(ls \"$PUSH_BARRIER\" | wc -l)\" -lt \"$PUSH_BARRIER_PARTIES\" ]; do",
                "    i=$((i+1))",
                "    if [ $i -gt 1200 ]; then echo \"push barrier: the other pushes never started\" | tee -a \"$log\" >&2; exit 1; fi",
                "    sleep 0.1",
                "  done",
                "fi",
                "if { [ \"$1\" = push ] || [ \"$1\" = build ]; } && [ -n \"$ACTIVE_DIR\" ]; then",
                "  mkdir -p \"$ACTIVE_DIR/$1\"",
                "  [ -n \"$(ls \"$ACTIVE_DIR/$1\")\" ] && echo \"OVERLAP $1\" >> \"$log\"",
                "  touch \"$ACTIVE_DIR/$1/$$\"; docker \"$@\"; rc=$?; rm -f \"$ACTIVE_DIR/$1/$$\"; exit $rc",
                "fi",
                "exec docker \"$@\"",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new DockerWrapper(script, log, state);
    }

    public Path script() {
        return script;
    }

    /** Variables that hold each push until {@code parties} pushes have started. */
    public Map<String, String> pushBarrier(int parties) throws IOException {
        Path barrier = Files.createDirectories(state.resolve("barrier"));
        return Map.of("PUSH_BARRIER", barrier.toString(), "PUSH_BARRIER_PARTIES", Integer.toString(parties));
    }

    /** Variables that make the wrapper log {@code OVERLAP push}/{@code OVERLAP build}. */
    public Map<String, String> overlapDetector() {
        return Map.of("ACTIVE_DIR", state.resolve("active").toString());
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The logged invocations of {@code command} (its arguments, space-separated). */
    public List<String> invocations(String command) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.equals(command) || line.startsWith(command + " ")).toList();
    }

    public void clearLog() throws IOException {
        Files.writeString(log, "");
    }
}
