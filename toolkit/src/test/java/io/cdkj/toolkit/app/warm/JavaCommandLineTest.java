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
    void parse_argumentFile_asTheWalkthroughWritesIt_runsWarm() throws IOException {
        // given: java @app.args MainClass, the class path quoted in the file
        Files.writeString(project.resolve("app.args"), "-cp \"target/classes:/home/me/.m2/a b.jar\"\n");

        // when
        LaunchPlan plan = JavaCommandLine.parse("java @app.args com.example.App", Map.of(), project);

        // then
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java", List.of(),
                "target/classes:/home/me/.m2/a b.jar", "com.example.App", List.of())));
    }

    @Test
    void parse_everySpellingOfTheClassPath_lastOneWins() {
        assertThat(launch("java -classpath a.jar com.example.App").classpath()).isEqualTo("a.jar");
        assertThat(launch("java --class-path b.jar com.example.App").classpath()).isEqualTo("b.jar");
        assertThat(launch("java -cp a.jar --class-path=c.jar com.example.App").classpath()).isEqualTo("c.jar");
    }

    @Test
    void parse_jvmOptions_passThroughInOrder() {
        assertThat(launch("java -Dk=v -Xmx2g -Xss4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -ea --enable-preview"
                + " --add-modules jdk.incubator.vector --disable-@files -cp x com.example.App").jvmOptions())
                .containsExactly("-Dk=v", "-Xmx2g", "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-ea",
                        "--enable-preview", "--add-modules", "jdk.incubator.vector");
    }

    @Test
    void parse_jdkJavaOptions_countForTheClassPathButReachTheHostThroughItsEnvironment() {
        // given: the host inherits JDK_JAVA_OPTIONS, so its launcher applies -Dk=v itself, once
        Map<String, String> environment = Map.of("JDK_JAVA_OPTIONS", "-Dk=v -cp from-env.jar", "CLASSPATH", "ignored");

        // then
        assertThat(JavaCommandLine.parse("java com.example.App", environment, project)).isEqualTo(
                new LaunchPlan.Warm(new JavaLaunch("java", List.of(), "from-env.jar", "com.example.App", List.of())));
        assertThat(JavaCommandLine.parse("java -cp cmd.jar com.example.App", environment, project)).isEqualTo(
                new LaunchPlan.Warm(new JavaLaunch("java", List.of(), "cmd.jar", "com.example.App", List.of())));
        assertThat(reason("java -cp x com.example.App", Map.of("JDK_JAVA_OPTIONS", "--module-path mods")))
                .contains("--module-path is not supported").contains("(in JDK_JAVA_OPTIONS)");
    }

    @Test
    void parse_jar_turnsTheManifestsAddOpensAndAddExportsIntoOptions() throws IOException {
        // given
        writeJar("app.jar", Map.of("Main-Class", "com.example.FromJar",
                "Add-Opens", "java.base/java.lang java.base/java.util", "Add-Exports", "java.base/sun.nio.ch"));

        // when
        LaunchPlan plan = JavaCommandLine.parse("java -Xmx1g -cp ignored.jar -jar app.jar -cp arg", Map.of(), project);

        // then: -jar ignores -cp and CLASSPATH; what follows the jar is the app's
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java",
                List.of("-Xmx1g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"),
                "app.jar", "com.example.FromJar", List.of("-cp", "arg"))));
    }

    @Test
    void parse_jarWithALauncherAgent_isColdWithTheReason() throws IOException {
        writeJar("agent.jar", Map.of("Main-Class", "com.example.App", "Launcher-Agent-Class", "com.example.Agent"));

        assertThat(reason("java -jar agent.jar")).contains("Launcher-Agent-Class");
    }

    @Test
    void parse_whatTheHostsOwnLauncherWouldMisread_isCold() throws IOException {
        Files.writeString(project.resolve("odd.args"), "-cp @literal.jar");

        assertThat(reason("java @odd.args com.example.App")).contains("starts with @: @literal.jar");
        assertThat(reason("java com.example.App", Map.of("CLASSPATH", "@cp"))).contains("class path starts with @");
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
        assertThat(reason("java @missing.args com.example.App")).contains("cannot read the argument file missing.args");
        assertThat(reason("java -Xshare:dump -cp x com.example.App")).contains("-Xshare:dump is not supported");
        assertThat(reason("java --source 17 -cp x App")).contains("--source is not supported");
        assertThat(reason("java --module=app/com.example.App")).contains("--module=app/com.example.App is not supported");
    }

    private String reason(String command) {
        return reason(command, Map.of());
    }

    private String reason(String command, Map<String, String> environment) {
        LaunchPlan plan = JavaCommandLine.parse(command, environment, project);
        assertThat(plan).as(command).isInstanceOf(LaunchPlan.Cold.class);
        return ((LaunchPlan.Cold) plan).reason();
    }

    private JavaLaunch launch(String command) {
        LaunchPlan plan = JavaCommandLine.parse(command, Map.of(), project);
        assertThat(plan).as(command).isInstanceOf(LaunchPlan.Warm.class);
        return ((LaunchPlan.Warm) plan).launch();
    }

    private void writeJar(String name, Map<String, String> attributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
        try (OutputStream out = Files.newOutputStream(project.resolve(name));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }
}
