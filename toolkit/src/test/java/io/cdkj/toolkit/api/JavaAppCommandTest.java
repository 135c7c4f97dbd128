package io.cdkj.toolkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.app.warm.JavaCommandLine;
import io.cdkj.toolkit.app.warm.JavaLaunch;
import io.cdkj.toolkit.app.warm.LaunchPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaAppCommandTest {

    @Test
    void of_parsedBackWithTheClassPathInTheEnvironment_isTheSameLaunch() {
        // given: words a shell would split or expand, and a quote
        JavaLaunch launch = new JavaLaunch("/opt/my jdk/bin/java", List.of("-Dgreeting=it's $HOME", "-Xmx1g"),
                "/work/app/target/classes:/m2/a b.jar", "com.example.App", List.of("one two", "*"));

        // when
        String command = JavaAppCommand.of(launch);
        LaunchPlan plan = JavaCommandLine.parse(command, Map.of("CLASSPATH", launch.classpath()), Path.of("/work/app"));

        // then
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(launch));
        assertThat(command).doesNotContain(launch.classpath())
                .isEqualTo("'/opt/my jdk/bin/java' '-Dgreeting=it'\\''s $HOME' '-Xmx1g' 'com.example.App' 'one two' '*'");
    }
}
