package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenExecJavaTest {

    private static final List<String> TEMPLATE = List.of("mvn", "-e", "-q", "compile", "exec:java");

    @TempDir
    Path root;

    private final List<String> verbose = new ArrayList<>();

    @Test
    void matches_templateCommandAndWrapper_only() {
        assertThat(MavenExecJava.matches(TEMPLATE)).isTrue();
        assertThat(MavenExecJava.matches(List.of("../mvnw", "-e", "-q", "compile", "exec:java"))).isTrue();
        assertThat(MavenExecJava.matches(List.of("mvn", "package"))).isFalse();
        assertThat(MavenExecJava.matches(List.of("gradle", "run"))).isFalse();
    }

    @Test
    void mainClass_fromPluginConfigurationWithParentProperty() throws IOException {
        // given
        Path project = project("<mainClass>${app.main}</mainClass><arguments><argument>x</argument></arguments>", "");
        Files.writeString(root.resolve("pom.xml"), "<project><properties><app.main>com.example.Parent</app.main>"
                + "</properties></project>");

        // when
        var exec = PomMainClass.read(project.resolve("pom.xml"));

        // then
        assertThat(exec).contains(new PomMainClass.ExecJava("com.example.Parent", List.of("x")));
    }

    @Test
    void mainClass_fromExecProperty_whenThePluginSaysNothing() throws IOException {
        Path project = project(null, "<exec.mainClass>com.example.Prop</exec.mainClass><exec.args>a b</exec.args>");

        assertThat(PomMainClass.read(project.resolve("pom.xml")))
                .contains(new PomMainClass.ExecJava("com.example.Prop", List.of("a", "b")));
    }

    @Test
    void resolve_cachedClasspathForTheSameProject_isReusedWithoutMaven() throws IOException {
        // given: a cache written for this project state, and a Maven that would fail if run
        Path project = project("<mainClass>com.example.App</mainClass>", "");
        Files.createDirectories(project.resolve("target/classes"));
        Path cache = Files.createDirectories(project.resolve("cdk.out/.cdkj"));
        List<String> command = List.of("/nonexistent/mvn", "-e", "-q", "compile", "exec:java");
        String key = MavenExecJava.key(String.join(" ", command), project);
        Files.writeString(cache.resolve(MavenExecJava.CACHE_FILE),
                "{\"key\":\"" + key + "\",\"classpath\":\"cached-cp\"}");

        // when
        LaunchPlan plan = MavenExecJava.resolve(command, project, cache, Map.of(), verbose::add);

        // then
        assertThat(plan).isEqualTo(new LaunchPlan.Warm(new JavaLaunch("java", List.of(), "cached-cp",
                "com.example.App", List.of())));
        assertThat(verbose).anyMatch(l -> l.contains("reusing the Maven class path"));
    }

    @Test
    void key_changesWhenASourceChanges() throws IOException {
        // given
        Path project = project("<mainClass>com.example.App</mainClass>", "");
        Path source = Files.createDirectories(project.resolve("src/main/java")).resolve("App.java");
        Files.writeString(source, "class App {}");
        String before = MavenExecJava.key("mvn exec:java", project);

        // when
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 5000));

        // then
        assertThat(MavenExecJava.key("mvn exec:java", project)).isNotEqualTo(before)
                .isNotEqualTo(MavenExecJava.key("mvn -o exec:java", project));
    }

    @Test
    void resolve_mavenFails_isColdSoTheRealCommandReportsTheError() throws IOException {
        Path project = project("<mainClass>com.example.App</mainClass>", "");
        List<String> command = List.of("/nonexistent/mvn", "-e", "-q", "compile", "exec:java");

        LaunchPlan plan = MavenExecJava.resolve(command, project, project.resolve("cdk.out/.cdkj"), Map.of(),
                verbose::add);

        assertThat(plan).isEqualTo(new LaunchPlan.Cold("compiling or resolving the class path with Maven failed"));
    }

    @Test
    void resolve_otherGoalsOrNoMainClass_isColdWithTheReason() throws IOException {
        Path project = project(null, "");

        assertThat(MavenExecJava.resolve(List.of("mvn", "clean", "compile", "exec:java"), project, root, Map.of(),
                verbose::add)).isInstanceOfSatisfying(LaunchPlan.Cold.class,
                        c -> assertThat(c.reason()).contains("'clean'"));
        assertThat(MavenExecJava.resolve(TEMPLATE, project, root, Map.of(), verbose::add))
                .isInstanceOfSatisfying(LaunchPlan.Cold.class, c -> assertThat(c.reason()).contains("mainClass"));
    }

    private Path project(String execConfiguration, String properties) throws IOException {
        Path project = Files.createDirectories(root.resolve("app"));
        String plugin = execConfiguration == null ? "" : "<build><plugins><plugin><groupId>org.codehaus.mojo</groupId>"
                + "<artifactId>exec-maven-plugin</artifactId><configuration>" + execConfiguration
                + "</configuration></plugin></plugins></build>";
        Files.writeString(project.resolve("pom.xml"), "<project><parent><artifactId>p</artifactId></parent>"
                + "<properties>" + properties + "</properties>" + plugin + "</project>");
        return project;
    }
}
