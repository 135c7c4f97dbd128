package io.cdkj.toolkit.deploy.assets.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void newLoginDirectory_carriesTheUsersContextOnly_andCloseRemovesLinksNotTheirTargets() throws Exception {
        // given a user config with a current context, its contexts, and a login we must not copy
        Path user = Files.createDirectories(dir.resolve("user/.docker"));
        Files.writeString(user.resolve("config.json"),
                "{\"auths\":{\"registry.example\":{\"auth\":\"dXNlcjpzZWNyZXQ=\"}},\"currentContext\":\"remote\"}");
        Path meta = Files.createDirectories(user.resolve("contexts/meta/abc"));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"remote\"}");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        // when
        DockerConfigDirectory config = DockerConfigDirectory.create(Optional.of(user), tmp);
        Path first = config.newLoginDirectory();
        Path second = config.newLoginDirectory();

        // then
        assertThat(first).isNotEqualTo(second).hasParent(config.root());
        assertThat(Files.getPosixFilePermissions(config.root())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(first.resolve("config.json"))).isEqualTo("{\"currentContext\":\"remote\"}");
        assertThat(Files.isSymbolicLink(first.resolve("contexts"))).isTrue();
        assertThat(first.resolve("contexts/meta/abc/meta.json")).exists();

        config.close();
        assertThat(config.root()).doesNotExist();
        assertThat(meta.resolve("meta.json")).as("the user's contexts survive").exists();
        assertThatThrownBy(config::newLoginDirectory).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void newLoginDirectory_noUserConfig_isEmpty() throws Exception {
        DockerConfigDirectory config = DockerConfigDirectory.create(Optional.of(dir.resolve("missing")), dir);

        Path login = config.newLoginDirectory();

        try (var entries = Files.list(login)) {
            assertThat(entries).isEmpty();
        }
        config.close();
    }
}
