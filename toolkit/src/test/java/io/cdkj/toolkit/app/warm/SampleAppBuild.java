package io.cdkj.toolkit.app.warm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample-app as built by the reactor (toolkit's pom orders it first). */
final class SampleAppBuild {

    static final String MAIN_CLASS = "io.cdkj.sample.SampleApp";

    private SampleAppBuild() {
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }

    /** {@code java -cp CLASSES:DEPENDENCIES io.cdkj.sample.SampleApp} with absolute paths. */
    static String javaCommand() {
        Path target = repositoryRoot().resolve("sample-app").resolve("target");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(target.resolve("classes"))) {
            throw new IllegalStateException("sample-app is not built (" + classpathFile + " is missing): run"
                    + " ./mvnw -pl toolkit -am verify, which builds it first");
        }
        try {
            String dependencies = Files.readString(classpathFile).trim();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return java + " -cp " + target.resolve("classes") + File.pathSeparator + dependencies + " " + MAIN_CLASS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
