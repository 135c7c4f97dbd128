package io.cdkj.toolkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * App commands that run a main class of a CDK app module built by this reactor ({@code sample-app},
 * {@code required-resources}), the way a user's {@code cdk.json} would: {@code 'java' -cp
 * '<module classes>:<its dependencies>' MAIN} with this JVM's java and absolute paths. The toolkit's
 * pom orders those modules before the toolkit, and their builds write {@code target/classpath.txt}.
 */
public final class ReactorApps {

    private ReactorApps() {
    }

    /** The repository root (the toolkit module's parent). */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }

    /** The app command for {@code mainClass} of {@code module}. */
    public static String javaCommand(String module, String mainClass) {
        Path target = repositoryRoot().resolve(module).resolve("target");
        Path classpath = target.resolve("classpath.txt");
        if (!Files.isRegularFile(classpath) || !Files.isDirectory(target.resolve("classes"))) {
            throw new IllegalStateException(module + " is not built (" + classpath + " is missing): run"
                    + " ./mvnw verify -pl toolkit -am, which builds it first");
        }
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return "'" + java + "' -cp '" + target.resolve("classes") + ":" + Files.readString(classpath).trim() + "' "
                    + mainClass;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app command for {@code mainClass} of {@code sample-app}. */
    public static String sampleApp(String mainClass) {
        return javaCommand("sample-app", mainClass);
    }
}
