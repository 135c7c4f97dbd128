package io.cdkj.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A CDK for Java project in a temporary directory, as a user has it: the reactor's sample-app sources,
 * pom (with its {@code cdkj} profile declaring the plugin) and {@code cdk.json}, plus this repository's
 * Maven wrapper. Nothing built is copied: the project's own Maven run compiles it. Stateless.
 */
final class CdkProjectCopy {

    private CdkProjectCopy() {
    }

    static Path create(Path repository, Path target) throws IOException {
        Path sampleApp = repository.resolve("sample-app");
        copyTree(sampleApp.resolve("src/main"), target.resolve("src/main"));
        for (String file : List.of("pom.xml", "cdk.json")) {
            Files.copy(sampleApp.resolve(file), target.resolve(file));
        }
        Files.createDirectories(target.resolve(".mvn/wrapper"));
        Files.copy(repository.resolve(".mvn/wrapper/maven-wrapper.properties"),
                target.resolve(".mvn/wrapper/maven-wrapper.properties"));
        Files.copy(repository.resolve("mvnw"), target.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
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
