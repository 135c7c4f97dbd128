package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.deploy.assets.DockerBuildOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The container tool's commands the publisher uses. The tool is located on first use, so a deploy
 * whose images are all present already needs no container tool. Registry logins and pushes run with
 * {@code DOCKER_CONFIG} set to a directory the run owns; builds and tags use the user's own
 * configuration (base images may need the user's registry logins).
 *
 * <p>Thread-safe.
 */
public final class Docker {

    /** Exit codes of {@code inspect} for "no such image": docker's, and podman's. */
    private static final List<Integer> NO_SUCH_IMAGE = List.of(1, 125);

    private final ContainerTool tool;
    private final CommandRunner runner;
    private volatile Path program;

    public Docker(ContainerTool tool, CommandRunner runner) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Whether an image tagged {@code tag} exists locally. */
    public boolean hasImage(String tag) {
        CommandResult result = run(List.of("inspect", tag), Map.of(), Optional.empty(), null);
        if (result.succeeded()) {
            return true;
        }
        if (NO_SUCH_IMAGE.contains(result.exitCode())) {
            return false;
        }
        throw new DockerCommandException(tool.command() + " inspect", result);
    }

    /** {@code docker build} of {@code directory} with {@code options}, tagged {@code tag}. */
    public void build(Path directory, DockerBuildOptions options, String tag) {
        // as the CDK CLI: provenance attestations make an image index that Lambda and ECS refuse
        check("build", run(DockerBuildArguments.of(options, tag), Map.of("BUILDX_NO_DEFAULT_ATTESTATIONS", "1"),
                Optional.empty(), directory));
    }

    public void tag(String source, String target) {
        check("tag", run(List.of("tag", source, target), Map.of(), Optional.empty(), null));
    }

    /** {@code docker login --password-stdin} into {@code config}: the password goes over stdin only. */
    public void login(Path config, RegistryCredentials credentials) {
        check("login", run(List.of("login", "--username", credentials.username(), "--password-stdin", credentials.host()),
                Map.of("DOCKER_CONFIG", config.toString()), Optional.of(credentials.password()), null));
    }

    public void push(Path config, String image) {
        check("push", run(List.of("push", image), Map.of("DOCKER_CONFIG", config.toString()), Optional.empty(), null));
    }

    private void check(String command, CommandResult result) {
        if (!result.succeeded()) {
            throw new DockerCommandException(tool.command() + " " + command, result);
        }
    }

    private CommandResult run(List<String> args, Map<String, String> environment, Optional<String> stdin, Path directory) {
        List<String> command = new ArrayList<>();
        command.add(program().toString());
        command.addAll(args);
        Path workDirectory = directory != null ? directory : Path.of("").toAbsolutePath();
        try {
            return runner.run(new CommandLine(command, workDirectory, environment, stdin));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.USAGE, "Cannot run the container tool " + program + " ("
                    + e.getMessage() + "); check it, or set " + ContainerTool.VARIABLE + " to docker, finch or podman", e);
        }
    }

    private Path program() {
        Path located = program;
        if (located == null) {
            located = tool.locate(runner.environment());
            program = located;
        }
        return located;
    }
}
