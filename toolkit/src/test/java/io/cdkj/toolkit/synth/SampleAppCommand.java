package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** App commands that run a main class of the reactor-built sample-app, the way a user's cdk.json would. */
final class SampleAppCommand {

    private static final Path TARGET = Path.of("..", "sample-app", "target").toAbsolutePath().normalize();

    private SampleAppCommand() {
    }

    /** {@code 'java' -cp '<sample-app classes>:<its dependencies>' MAIN}, with this JVM's java. */
    static String forMainClass(String mainClass) throws IOException {
        Path classpath = TARGET.resolve("classpath.txt");
        assertThat(classpath).as("sample-app must be built first: ./mvnw verify -pl toolkit -am").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        return "'" + java + "' -cp '" + TARGET.resolve("classes") + ":" + Files.readString(classpath).trim() + "' "
                + mainClass;
    }
}
