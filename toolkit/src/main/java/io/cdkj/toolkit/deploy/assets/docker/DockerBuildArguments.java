package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.deploy.assets.DockerBuildOptions;
import io.cdkj.toolkit.deploy.assets.DockerCacheOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code docker build} for a directory source, in the CDK CLI's order, so both tools
 * build the same image from the same manifest. The build context is {@code .}: the command runs in the
 * source directory. Stateless.
 */
public final class DockerBuildArguments {

    private DockerBuildArguments() {
    }

    /** {@code build --build-arg … --tag TAG … .} for {@code options}. */
    public static List<String> of(DockerBuildOptions options, String tag) {
        List<String> args = new ArrayList<>();
        args.add("build");
        options.buildArgs().forEach((name, value) -> args.addAll(List.of("--build-arg", name + "=" + value)));
        options.buildContexts().forEach((name, value) -> args.addAll(List.of("--build-context", name + "=" + value)));
        options.buildSecrets().forEach((id, value) -> args.addAll(List.of("--secret", "id=" + id + "," + value)));
        options.buildSsh().ifPresent(ssh -> args.addAll(List.of("--ssh", ssh)));
        args.addAll(List.of("--tag", tag));
        options.buildTarget().ifPresent(target -> args.addAll(List.of("--target", target)));
        options.dockerFile().ifPresent(file -> args.addAll(List.of("--file", file)));
        options.networkMode().ifPresent(network -> args.addAll(List.of("--network", network)));
        options.platform().ifPresent(platform -> args.addAll(List.of("--platform", platform)));
        options.outputs().forEach(output -> args.add("--output=" + output));
        for (DockerCacheOption cache : options.cacheFrom()) {
            args.addAll(List.of("--cache-from", cache.flagValue()));
        }
        options.cacheTo().ifPresent(cache -> args.addAll(List.of("--cache-to", cache.flagValue())));
        if (options.cacheDisabled()) {
            args.add("--no-cache");
        }
        args.add(".");
        return List.copyOf(args);
    }
}
