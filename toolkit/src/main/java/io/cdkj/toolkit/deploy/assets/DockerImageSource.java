package io.cdkj.toolkit.deploy.assets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a docker image asset is produced: exactly one of the manifest's {@code directory} (built with
 * the container tool) or {@code executable} (a command that builds the image and prints its tag on
 * stdout, the route for Jib and other daemon-less builders). Immutable.
 */
public sealed interface DockerImageSource permits DockerImageSource.Directory, DockerImageSource.Executable {

    /** Where the source is, for messages: the directory or the command. */
    String describe();

    /**
     * A build context directory and the {@code docker build} options of the manifest.
     *
     * @param directory absolute path of the build context (the manifest's path, resolved against its directory)
     * @param options   the build options
     */
    record Directory(Path directory, DockerBuildOptions options) implements DockerImageSource {
        public Directory {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(options, "options");
        }

        @Override
        public String describe() {
            return directory.toString();
        }
    }

    /**
     * A command that builds the image and prints the image's tag (or id) on stdout.
     *
     * @param command       program and arguments, run without a shell
     * @param workDirectory where it runs: the manifest's directory, as the CDK CLI runs it
     */
    record Executable(List<String> command, Path workDirectory) implements DockerImageSource {
        public Executable {
            command = List.copyOf(command);
            Objects.requireNonNull(workDirectory, "workDirectory");
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new IllegalArgumentException("executable must name a program");
            }
        }

        @Override
        public String describe() {
            return String.join(" ", command);
        }
    }
}
