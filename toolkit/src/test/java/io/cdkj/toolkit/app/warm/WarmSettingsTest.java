package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmSettingsTest {

    @TempDir
    Path project;

    @Test
    void read_noFileOrNoBlock_isWarmByDefault() throws IOException {
        assertThat(WarmSettings.read(project.resolve("cdk.json"))).isEqualTo(WarmSettings.DEFAULT);
        Files.writeString(project.resolve("cdk.json"), "{\"app\": \"java -cp x A\"}");
        assertThat(WarmSettings.read(project.resolve("cdk.json"))).isEqualTo(WarmSettings.DEFAULT);
    }

    @Test
    void read_mainClassAndClasspath_nameTheLaunch() throws IOException {
        // given
        Files.writeString(project.resolve("cdk.json"), "{\"cdkj\": {\"mainClass\": \"com.example.App\","
                + " \"classpath\": [\"target/classes\", \"lib/*\"], \"jvmOptions\": [\"-Xmx1g\"], \"args\": [\"a\"]}}");

        // when
        WarmSettings settings = WarmSettings.read(project.resolve("cdk.json"));

        // then
        assertThat(settings).isEqualTo(new WarmSettings(true, Optional.of(new JavaLaunch(WarmSettings.javaExecutable(),
                List.of("-Xmx1g"), "target/classes" + File.pathSeparator + "lib/*", "com.example.App", List.of("a")))));
    }

    @Test
    void read_warmFalse_forcesCold() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"cdkj\": {\"warm\": false}}");

        LaunchPlan plan = new LaunchResolver(WarmSettings.read(project.resolve("cdk.json")), l -> { })
                .resolve("java -cp x com.example.App", project, java.util.Map.of(), project);

        assertThat(plan).isEqualTo(new LaunchPlan.Cold("\"cdkj\": {\"warm\": false} in cdk.json"));
    }

    @Test
    void read_malformed_failsNamingFileAndKey() throws IOException {
        Files.writeString(project.resolve("cdk.json"), "{\"cdkj\": {\"mainClass\": \"com.example.App\"}}");

        assertThatThrownBy(() -> WarmSettings.read(project.resolve("cdk.json")))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("\"cdkj.classpath\"").hasMessageContaining(project.resolve("cdk.json").toString());
    }
}
