package io.cdkj.toolkit.deploy.assets.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.deploy.assets.DockerBuildOptions;
import io.cdkj.toolkit.deploy.assets.DockerCacheOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerBuildArgumentsTest {

    @Test
    void of_noOptions_buildsTheContextWithTheTagOnly() {
        assertThat(DockerBuildArguments.of(DockerBuildOptions.none(), "cdkasset-abc"))
                .containsExactly("build", "--tag", "cdkasset-abc", ".");
    }

    @Test
    void of_everyManifestOption_becomesItsFlag_inTheCdkClisOrder() {
        // given
        Map<String, String> registryParams = new LinkedHashMap<>();
        registryParams.put("ref", "111111111111.dkr.ecr.us-east-1.amazonaws.com/cache:main");
        registryParams.put("mode", "max");
        DockerBuildOptions options = DockerBuildOptions.builder()
                .buildArg("VERSION", "1.2").buildArg("EMPTY", "")
                .buildContext("shared", "../shared")
                .buildSecret("npmrc", "src=/home/ci/.npmrc")
                .buildSsh("default")
                .buildTarget("runtime")
                .dockerFile("docker/Dockerfile.prod")
                .networkMode("host")
                .platform("linux/arm64")
                .output("type=docker").output("type=local,dest=out")
                .cacheFrom(new DockerCacheOption("registry", registryParams))
                .cacheFrom(new DockerCacheOption("gha", Map.of()))
                .cacheTo(new DockerCacheOption("inline", Map.of()))
                .cacheDisabled(true)
                .build();

        // when
        List<String> args = DockerBuildArguments.of(options, "cdkasset-abc");

        // then
        assertThat(args).containsExactly("build",
                "--build-arg", "VERSION=1.2", "--build-arg", "EMPTY=",
                "--build-context", "shared=../shared",
                "--secret", "id=npmrc,src=/home/ci/.npmrc",
                "--ssh", "default",
                "--tag", "cdkasset-abc",
                "--target", "runtime",
                "--file", "docker/Dockerfile.prod",
                "--network", "host",
                "--platform", "linux/arm64",
                "--output=type=docker", "--output=type=local,dest=out",
                "--cache-from", "type=registry,ref=111111111111.dkr.ecr.us-east-1.amazonaws.com/cache:main,mode=max",
                "--cache-from", "type=gha",
                "--cache-to", "type=inline",
                "--no-cache",
                ".");
    }
}
