package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.ProgressLog;
import io.cdkj.toolkit.deploy.assets.DockerImageAsset;
import io.cdkj.toolkit.deploy.assets.DockerImageSource;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Produces each image asset's local image once per run, whatever number of destinations and stacks
 * need it (asset ids are content hashes: the same id is the same image). A directory source is built
 * and tagged {@code cdkasset-<id>} unless an image with that tag exists already (then it is reused, as
 * the CDK CLI does); an {@code executable} source runs its command, which prints the image's tag.
 * Builds run on the executor given, whose size bounds how many run at once.
 *
 * <p>Thread-safe.
 */
final class ImageBuilds {

    private final Docker docker;
    private final CommandRunner runner;
    private final Executor executor;
    private final ProgressLog log;
    private final Map<String, CompletableFuture<String>> images = new ConcurrentHashMap<>();

    ImageBuilds(Docker docker, CommandRunner runner, Executor executor, ProgressLog log) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The local image of {@code asset} (its tag), built on first request.
     *
     * @param owner prefix of the progress lines (the stack that first needs the image)
     * @return completes with the tag, or exceptionally with a {@link ToolkitException} naming the asset
     */
    CompletableFuture<String> localImage(String owner, DockerImageAsset asset) {
        return images.computeIfAbsent(asset.id(), id -> CompletableFuture.supplyAsync(() -> produce(owner, asset), executor));
    }

    /** How many distinct images were requested (for tests and the benchmark). */
    int requested() {
        return images.size();
    }

    private String produce(String owner, DockerImageAsset asset) {
        String prefix = "image " + asset.label() + ": ";
        long start = System.nanoTime();
        if (asset.source() instanceof DockerImageSource.Executable executable) {
            log.stack(owner, prefix + "building with " + executable.describe());
            String tag = runExecutable(asset, executable);
            log.stack(owner, prefix + "built " + tag + " in " + Elapsed.since(start));
            return tag;
        }
        DockerImageSource.Directory directory = (DockerImageSource.Directory) asset.source();
        String tag = asset.localTag();
        try {
            if (docker.hasImage(tag)) {
                log.stack(owner, prefix + "using the local image " + tag);
                return tag;
            }
            log.stack(owner, prefix + "building " + directory.directory());
            docker.build(directory.directory(), directory.options(), tag);
        } catch (DockerCommandException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot build docker image asset " + asset.label() + " from "
                    + directory.directory() + ": " + e.getMessage() + " (fix the Dockerfile or the build options)", e);
        }
        log.stack(owner, prefix + "built in " + Elapsed.since(start));
        return tag;
    }

    private String runExecutable(DockerImageAsset asset, DockerImageSource.Executable executable) {
        CommandResult result;
        try {
            result = runner.run(CommandLine.of(executable.command(), executable.workDirectory()));
        } catch (IOException e) {
            throw new ToolkitException(ErrorCode.APP, "Cannot run the command of docker image asset " + asset.label()
                    + " (" + executable.describe() + "): " + e.getMessage() + " (install it, or synthesize again)", e);
        }
        if (!result.succeeded()) {
            throw new ToolkitException(ErrorCode.APP, "The command of docker image asset " + asset.label() + " ("
                    + executable.describe() + ") exited with code " + result.exitCode()
                    + (result.tail().isEmpty() ? "" : ": " + result.tail()));
        }
        // the contract is "prints the image's tag"; tolerate log lines before it
        String[] lines = result.stdout().strip().split("\\R");
        String tag = lines[lines.length - 1].strip();
        if (tag.isEmpty()) {
            throw new ToolkitException(ErrorCode.APP, "The command of docker image asset " + asset.label() + " ("
                    + executable.describe() + ") printed no image tag on stdout; it must print the tag of the image it built");
        }
        return tag;
    }
}
