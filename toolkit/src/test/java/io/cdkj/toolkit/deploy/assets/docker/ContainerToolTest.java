package io.cdkj.toolkit.deploy.assets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerToolTest {

    @TempDir
    Path dir;

    @Test
    void from_withoutCdkDocker_isDocker_andWithIt_isTheNamedTool() {
        assertThat(ContainerTool.from(Map.of())).isEqualTo(new ContainerTool("docker", false));
        assertThat(ContainerTool.from(Map.of("CDK_DOCKER", " "))).isEqualTo(new ContainerTool("docker", false));
        assertThat(ContainerTool.from(Map.of("CDK_DOCKER", "podman"))).isEqualTo(new ContainerTool("podman", true));
    }

    @Test
    void locate_findsTheFirstExecutableOnPath_andAPathAsItIs() throws Exception {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Files.writeString(first.resolve("finch"), "not executable");
        Path executable = script(second.resolve("finch"));
        String path = first + java.io.File.pathSeparator + second;

        assertThat(new ContainerTool("finch", true).locate(Map.of("PATH", path))).isEqualTo(executable);
        assertThat(new ContainerTool(executable.toString(), true).locate(Map.of())).isEqualTo(executable);
    }

    @Test
    void locate_cdkDockerNamesNothing_failsInOneLineNamingTheVariable() {
        assertThatThrownBy(() -> ContainerTool.from(Map.of("CDK_DOCKER", "/nowhere/podman")).locate(Map.of("PATH", dir.toString())))
                .isInstanceOfSatisfying(ToolkitException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
                    assertThat(e.getMessage()).startsWith("CDK_DOCKER=/nowhere/podman names no executable program")
                            .contains("set CDK_DOCKER to docker, finch or podman").doesNotContain("\n");
                });
    }

    @Test
    void locate_noDockerOnPath_saysInstallDockerOrSetCdkDocker() {
        assertThatThrownBy(() -> ContainerTool.from(Map.of()).locate(Map.of("PATH", dir.toString())))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Cannot find 'docker' on PATH to build docker image assets; install Docker, or set"
                                + " CDK_DOCKER to another container tool such as finch or podman"));
    }

    private static Path script(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
