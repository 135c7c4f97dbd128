package io.cdkj.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static Properties properties(String version, String commit, String dirty) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        properties.setProperty("dirty", dirty);
        return properties;
    }

    @Test
    void current_readsTheResourceTheBuildWrote() throws IOException {
        // given: the build ran in this repository's git checkout
        Path classes = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        String filled = Files.readString(classes.resolve("io/cdkj/toolkit/" + BuildInfo.RESOURCE), StandardCharsets.UTF_8);

        // when
        BuildInfo build = BuildInfo.current();

        // then
        assertThat(filled).contains("version=" + build.version());
        assertThat(build.version()).isNotEqualTo("dev");
        assertThat(build.commit()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{40}"));
        assertThat(filled).contains("commit=" + build.commit().orElseThrow());
    }

    @Test
    void of_filledValues_describesTheCommit() {
        BuildInfo build = BuildInfo.of(properties("1.2.3", COMMIT, "false"));

        assertThat(build).isEqualTo(new BuildInfo("1.2.3", Optional.of(COMMIT), false));
        assertThat(build.describeCommit()).isEqualTo("commit " + COMMIT);
    }

    @Test
    void of_dirtyCheckout_saysModified() {
        assertThat(BuildInfo.of(properties("1.2.3", COMMIT, "true")).describeCommit())
                .isEqualTo("commit " + COMMIT + ", modified");
    }

    @Test
    void of_notBuiltFromGit_leavesTheCommitUnknown() {
        // given: git printed nothing (not a checkout), or was missing and left the placeholder
        BuildInfo build = BuildInfo.of(properties("1.2.3", "", "true"));
        BuildInfo withoutGit = BuildInfo.of(properties("1.2.3", "${git.commit}", "true"));

        assertThat(build.commit()).isEmpty();
        assertThat(build.dirty()).isFalse();
        assertThat(build.describeCommit()).isEqualTo("commit unknown");
        assertThat(withoutGit).isEqualTo(build);
    }

    @Test
    void of_noResource_isDevWithoutCommit() {
        BuildInfo build = BuildInfo.of(new Properties());

        assertThat(build.version()).isEqualTo("dev");
        assertThat(build.commit()).isEmpty();
    }

    @Test
    void constructor_rejectsWhatIsNotACommitId() {
        assertThatThrownBy(() -> new BuildInfo("1.0", Optional.of("main"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("main");
    }
}
