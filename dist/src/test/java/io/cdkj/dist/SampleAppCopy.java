package io.cdkj.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * A copy of the reactor's compiled sample-app outside the repository, as a user's project that was
 * built before: {@code classes/} copied from its {@code target/classes}, its {@code cdk.json} (plugins
 * and context as they are) with an app command that runs the main class with plain java on those
 * classes and the app's dependency jars from the local Maven repository — no reactor, no Maven run.
 * Stateless.
 */
final class SampleAppCopy {

    private static final String MAIN_CLASS = "io.cdkj.sample.SampleApp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleAppCopy() {
    }

    /** Copies {@code module} (built) into {@code target} and returns {@code target}. */
    static Path create(Path module, Path target) throws IOException {
        Path built = module.resolve("target");
        Path classpathFile = built.resolve("classpath.txt");
        assertThat(classpathFile).as("sample-app is built (the reactor builds it before this module)").isRegularFile();
        Path classes = target.resolve("classes");
        copyTree(built.resolve("classes"), classes);
        String dependencies = Files.readString(classpathFile).strip();
        assertThat(Arrays.stream(dependencies.split(File.pathSeparator)).map(Path::of))
                .as("the app's dependencies come from the local Maven repository, not the source tree")
                .noneSatisfy(jar -> assertThat(jar.toAbsolutePath().normalize()).startsWith(module.getParent()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ObjectNode config = (ObjectNode) JSON.readTree(module.resolve("cdk.json").toFile());
        config.put("app", "'" + java + "' -cp '" + classes + File.pathSeparator + dependencies + "' " + MAIN_CLASS);
        Files.writeString(target.resolve("cdk.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}
