package io.cdkj.toolkit.app.warm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.app.warm.LauncherArguments.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherArgumentsTest {

    @TempDir
    Path project;

    @Test
    void expand_argumentFile_isReplacedByItsArgumentsRelativeToTheWorkingDirectory() throws IOException {
        // given
        Files.writeString(project.resolve("app.args"), "-Xmx1g\n-cp \"target/classes:lib/a b.jar\"\n");

        // when
        Result result = expand(Map.of(), "@app.args", "com.example.App", "one");

        // then
        assertThat(result).isEqualTo(new Result.Expanded(List.of(),
                List.of("-Xmx1g", "-cp", "target/classes:lib/a b.jar", "com.example.App", "one")));
    }

    @Test
    void expand_afterTheMainClass_argumentsGoToTheAppAsTheyAre() throws IOException {
        // given: the main class itself comes from a file; what follows it, there and after, is the app's
        Files.writeString(project.resolve("main.args"), "com.example.App @kept");

        // when
        Result result = expand(Map.of(), "-cp", "x.jar", "@main.args", "@also-kept");

        // then
        assertThat(result).isEqualTo(new Result.Expanded(List.of(),
                List.of("-cp", "x.jar", "com.example.App", "@kept", "@also-kept")));
    }

    @Test
    void expand_valueOfAnOptionOrTheJarAfterJar_isNoMainClass() throws IOException {
        // given
        Files.writeString(project.resolve("cp.args"), "target/classes");
        Files.writeString(project.resolve("jar.args"), "app.jar");

        // then: the file after -cp is its value, so expansion goes on; the file after -jar is the last expanded
        assertThat(expand(Map.of(), "-cp", "@cp.args", "@jar.args"))
                .isEqualTo(new Result.Expanded(List.of(), List.of("-cp", "target/classes", "app.jar")));
        assertThat(expand(Map.of(), "-jar", "@jar.args", "@cp.args"))
                .isEqualTo(new Result.Expanded(List.of(), List.of("-jar", "app.jar", "@cp.args")));
    }

    @Test
    void expand_escapesAndNesting_asTheLauncher() throws IOException {
        // given
        Files.writeString(project.resolve("outer.args"), "-cp @inner.args");

        // then: files are expanded one level deep, @@ is a literal @, a lone @ is an argument
        assertThat(expand(Map.of(), "@outer.args", "-Dk", "@@literal", "@"))
                .isEqualTo(new Result.Expanded(List.of(), List.of("-cp", "@inner.args", "-Dk", "@literal", "@")));
    }

    @Test
    void expand_disableArgFiles_stopsTheExpansion() {
        assertThat(expand(Map.of(), "--disable-@files", "@app.args", "Main"))
                .isEqualTo(new Result.Expanded(List.of(), List.of("--disable-@files", "@app.args", "Main")));
    }

    @Test
    void expand_jdkJavaOptions_comeFirstWithQuotesAndArgumentFiles() throws IOException {
        // given
        Files.writeString(project.resolve("env.args"), "-Dfrom=file");

        // when
        Result result = expand(Map.of("JDK_JAVA_OPTIONS", "  -Dk=\"a b\" '-Dq=x y' @env.args\t-Xss2m "),
                "-cp", "x.jar", "Main");

        // then
        assertThat(result).isEqualTo(new Result.Expanded(List.of("-Dk=a b", "-Dq=x y", "-Dfrom=file", "-Xss2m"),
                List.of("-cp", "x.jar", "Main")));
    }

    @Test
    void expand_whatTheLauncherRefuses_saysWhy() throws IOException {
        Files.writeString(project.resolve("jar.args"), "-jar app.jar");

        assertThat(refusal(Map.of(), "@missing.args", "Main")).contains("cannot read the argument file missing.args");
        assertThat(refusal(Map.of("JDK_JAVA_OPTIONS", "-Dk=\"open"))).contains("JDK_JAVA_OPTIONS has an unmatched quote");
        assertThat(refusal(Map.of("JDK_JAVA_OPTIONS", "com.example.Main"))).contains("must not name the main class");
        assertThat(refusal(Map.of("JDK_JAVA_OPTIONS", "@jar.args"))).contains("-jar is not allowed in JDK_JAVA_OPTIONS");
        assertThat(refusal(Map.of("JDK_JAVA_OPTIONS", "--module=app/Main")))
                .contains("--module=app/Main is not allowed in JDK_JAVA_OPTIONS");
    }

    private Result expand(Map<String, String> environment, String... arguments) {
        return LauncherArguments.expand(List.of(arguments), environment, project);
    }

    private String refusal(Map<String, String> environment, String... arguments) {
        Result result = expand(environment, arguments);
        assertThat(result).isInstanceOf(Result.Refused.class);
        return ((Result.Refused) result).reason();
    }
}
