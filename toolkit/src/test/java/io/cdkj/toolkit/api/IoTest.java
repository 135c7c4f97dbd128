package io.cdkj.toolkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real process's home directory is HOME, as the AWS SDK and CLI read it, else user.home. */
class IoTest {

    @Test
    void homeDirectory_isHomeWhenSet() {
        assertThat(Io.homeDirectory(Map.of("HOME", "/tmp/laptop"))).isEqualTo(Path.of("/tmp/laptop"));
    }

    @Test
    void homeDirectory_withoutHome_isUserHome() {
        assertThat(Io.homeDirectory(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath());
        assertThat(Io.homeDirectory(Map.of("HOME", " "))).isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath());
    }
}
