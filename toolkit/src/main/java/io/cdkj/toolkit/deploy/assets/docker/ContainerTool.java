package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container tool that builds, tags and pushes images: {@code docker}, or what {@value #VARIABLE}
 * names (e.g. {@code finch}, {@code podman}, or a path), as the CDK CLI chooses it. It must speak
 * docker's command line ({@code build}, {@code inspect}, {@code tag}, {@code login}, {@code push}).
 *
 * @param command    the program: a name looked up on {@code PATH}, or a path
 * @param fromVariable whether {@value #VARIABLE} chose it (for the message when it is missing)
 *
 * <p>Immutable.
 */
public record ContainerTool(String command, boolean fromVariable) {

    /** The environment variable that chooses the tool. */
    public static final String VARIABLE = "CDK_DOCKER";

    public ContainerTool {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("command must not be blank");
        }
    }

    /** {@value #VARIABLE} when set (and not blank), else {@code docker}. */
    public static ContainerTool from(Map<String, String> environment) {
        String chosen = environment.get(VARIABLE);
        return chosen == null || chosen.isBlank() ? new ContainerTool("docker", false) : new ContainerTool(chosen.trim(), true);
    }

    /**
     * The program to run: {@link #command} as a path, or found on {@code PATH} of {@code environment}.
     *
     * @throws ToolkitException ({@link ErrorCode#USAGE}) naming the tool and {@value #VARIABLE} when there is none
     */
    public Path locate(Map<String, String> environment) {
        return find(command, environment.getOrDefault("PATH", "")).orElseThrow(() -> new ToolkitException(ErrorCode.USAGE,
                fromVariable
                        ? VARIABLE + "=" + command + " names no executable program, so docker image assets cannot be"
                                + " built; set " + VARIABLE + " to docker, finch or podman (or the path of one), or unset it"
                        : "Cannot find '" + command + "' on PATH to build docker image assets; install Docker, or set "
                                + VARIABLE + " to another container tool such as finch or podman"));
    }

    /** An executable file named {@code command}: a path with a separator as it is, else the first on {@code path}. */
    static Optional<Path> find(String command, String path) {
        try {
            if (command.contains(File.separator)) {
                Path file = Path.of(command);
                return executable(file) ? Optional.of(file.toAbsolutePath()) : Optional.empty();
            }
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isBlank()) {
                    Path file = Path.of(directory, command);
                    if (executable(file)) {
                        return Optional.of(file);
                    }
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
