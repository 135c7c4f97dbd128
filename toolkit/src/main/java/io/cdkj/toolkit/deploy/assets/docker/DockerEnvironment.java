package io.cdkj.toolkit.deploy.assets.docker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image publisher takes from the toolkit's process environment.
 *
 * @param tool        the container tool ({@code CDK_DOCKER}, else {@code docker})
 * @param variables   the environment commands run with ({@code PATH}, {@code DOCKER_HOST} …)
 * @param userConfig  the user's docker configuration directory ({@code DOCKER_CONFIG}, else {@code ~/.docker})
 * @param temporaryDirectory where the run's temporary docker configuration is created
 *
 * <p>Immutable.
 */
public record DockerEnvironment(ContainerTool tool, Map<String, String> variables, Optional<Path> userConfig,
        Path temporaryDirectory) {

    public DockerEnvironment {
        Objects.requireNonNull(tool, "tool");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(userConfig, "userConfig");
        Objects.requireNonNull(temporaryDirectory, "temporaryDirectory");
    }

    /** From the process environment {@code variables} and the user's home directory; temporary files in {@code java.io.tmpdir}. */
    public static DockerEnvironment from(Map<String, String> variables, Path home) {
        String config = variables.get("DOCKER_CONFIG");
        Path userConfig = config == null || config.isBlank() ? home.resolve(".docker") : Path.of(config);
        return new DockerEnvironment(ContainerTool.from(variables), variables, Optional.of(userConfig),
                Path.of(System.getProperty("java.io.tmpdir")));
    }
}
