package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandLineTest {

    @TempDir
    Path project;

    @Test
    void parse_classpathCommand_takesOptionsClasspathMainAndArgs() {
        // when
        LaunchPlan plan = JavaCommandLine.parse(
                "java -Xmx1g -Dx=\"a b\" --add-opens java.base/java.lang=ALL-UNNAMED -cp 'target/classes:lib/*'"
                        + " com.example.App one \"two words\"", Map.of(), project);

        // then
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java",
                List.of("-Xmx1g", "-Dx=a b", "--add-opens", "java.base/java.lang=ALL-UNNAMED"),
                "target/classes:lib/*", "com.example.App", List.of("one", "two words"))));
    }

    @Test
    void parse_variables_expandFromTheAppEnvironment() {
        // when
        LaunchPlan plan = JavaCommandLine.parse("exec $JAVA_HOME/bin/java --class-path=${CP} com.example.App",
                Map.of("JAVA_HOME", "/opt/jdk", "CP", "app.jar"), project);

        // then
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(new JavaLaunch("/opt/jdk/bin/java", List.of(), "app.jar",
                "com.example.App", List.of())));
    }

    @Test
    void parse_noClasspathOption_usesClasspathVariableElseCurrentDirectory() {
        assertThat(JavaCommandLine.parse("java com.example.App", Map.of("CLASSPATH", "x.jar"), project))
                .isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java", List.of(), "x.jar", "com.example.App", List.of())));
        assertThat(JavaCommandLine.parse("java com.example.App", Map.of(), project))
                .isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java", List.of(), ".", "com.example.App", List.of())));
    }

    @Test
    void parse_jar_readsMainClassFromTheManifest() throws IOException {
        // given
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.example.FromJar");
        try (OutputStream out = Files.newOutputStream(project.resolve("app.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        // when
        LaunchPlan plan = JavaCommandLine.parse("java -Dk=v -jar app.jar arg", Map.of(), project);

        // then
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java", List.of("-Dk=v"), "app.jar",
                "com.example.FromJar", List.of("arg"))));
    }

    @Test
    void parse_whatOnlyAShellOrTheLauncherCanRun_isColdWithTheReason() {
        assertThat(reason("java -cp $(cat cp.txt) com.example.App")).contains("needs a shell");
        assertThat(reason("java -cp x com.example.App > log.txt")).contains("needs a shell");
        assertThat(reason("java -cp lib/* com.example.App")).contains("needs a shell");
        assertThat(reason("npx ts-node bin/app.ts")).contains("not a java command line");
        assertThat(reason("java -p mods -m app/com.example.App")).contains("-p is not supported");
        assertThat(reason("java App.java")).contains("not a main class");
        assertThat(reason("java -cp x")).contains("names no main class");
        assertThat(reason("java -jar missing.jar")).contains("cannot read the jar missing.jar");
    }

    private String reason(String command) {
        LaunchPlan plan = JavaCommandLine.parse(command, Map.of(), project);
        assertThat(plan).as(command).isInstanceOf(LaunchPlan.Cold.class);
        return ((LaunchPlan.Cold) plan).reason();
    }
}
