package io.cdkj.toolkit.app.warm;

import io.cdkj.toolkit.app.ProcessTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdkj.toolkit.config.JsonFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the CDK Java project template's app command, {@code mvn -e -q compile exec:java}, into a
 * {@link JavaLaunch}: compiles once and resolves the runtime class path with Maven ({@code compile
 * dependency:build-classpath}), reads the exec plugin's main class from the pom, and caches the result
 * in {@code CACHE_DIR/maven-exec-java.json} keyed by a hash of the command, the poms and the sources'
 * names, sizes and modification times — so later synths start no Maven at all until the project changes.
 *
 * <p>Stateless and thread-safe (two toolkits sharing a cache directory at worst both resolve).
 */
public final class MavenExecJava {

    static final String CACHE_FILE = "maven-exec-java.json";
    private static final Set<String> FLAGS = Set.of("-e", "--errors", "-q", "--quiet", "-B", "--batch-mode",
            "-ntp", "--no-transfer-progress", "-o", "--offline");
    private static final Set<String> PHASES = Set.of("compile", "process-classes", "exec:java");

    private MavenExecJava() {
    }

    /** Whether {@code words} are a Maven command line that runs {@code exec:java}. */
    public static boolean matches(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        Path first = Path.of(words.get(0)).getFileName();
        String name = first == null ? "" : first.toString();
        return Set.of("mvn", "mvnw", "mvn.cmd", "mvnw.cmd").contains(name) && words.contains("exec:java");
    }

    /**
     * The launch for {@code words} (which {@link #matches}), or why the command must run cold.
     *
     * @param cacheDirectory where the resolved class path is kept (the output directory's {@code .cdkj})
     * @param verbose        receives what was resolved or reused
     */
    public static LaunchPlan resolve(List<String> words, Path projectDirectory, Path cacheDirectory,
                                     Map<String, String> environment, Consumer<String> verbose) {
        boolean offline = false;
        String mainOverride = null;
        String argsOverride = null;
        for (String word : words.subList(1, words.size())) {
            if (word.equals("-o") || word.equals("--offline")) {
                offline = true;
            } else if (word.startsWith("-Dexec.mainClass=")) {
                mainOverride = word.substring("-Dexec.mainClass=".length());
            } else if (word.startsWith("-Dexec.args=")) {
                argsOverride = word.substring("-Dexec.args=".length());
            } else if (!FLAGS.contains(word) && !PHASES.contains(word)) {
                return new LaunchPlan.Cold("the Maven app command has '" + word + "', which the warm app host does not"
                        + " interpret (it takes '" + String.join(" ", FLAGS) + "', compile, exec:java,"
                        + " -Dexec.mainClass and -Dexec.args)");
            }
        }
        Path pom = projectDirectory.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return new LaunchPlan.Cold("the Maven app command runs in " + projectDirectory + ", which has no pom.xml");
        }
        Optional<PomMainClass.ExecJava> exec = PomMainClass.read(pom);
        String mainClass = mainOverride != null ? mainOverride : exec.map(PomMainClass.ExecJava::mainClass).orElse(null);
        if (mainClass == null) {
            return new LaunchPlan.Cold("cannot tell the exec plugin's mainClass from " + pom);
        }
        List<String> args = argsOverride != null ? PomMainClass.words(argsOverride)
                : exec.map(PomMainClass.ExecJava::args).orElse(List.of());
        String key = key(String.join(" ", words), projectDirectory);
        Path cacheFile = cacheDirectory.resolve(CACHE_FILE);
        Path classes = projectDirectory.resolve("target").resolve("classes");
        Optional<String> cached = cachedClasspath(cacheFile, key);
        if (cached.isPresent() && Files.isDirectory(classes)) {
            verbose.accept("Warm app host: reusing the Maven class path resolved earlier (" + cacheFile + ")");
            return new LaunchPlan.Warm(new JavaLaunch(java(environment), List.of(), cached.get(), mainClass, args));
        }
        verbose.accept("Warm app host: compiling and resolving the class path with Maven once");
        Optional<String> resolved = runMaven(words.get(0), offline, projectDirectory, cacheDirectory, environment);
        if (resolved.isEmpty()) {
            return new LaunchPlan.Cold("compiling or resolving the class path with Maven failed");
        }
        String classpath = classes + File.pathSeparator + resolved.get();
        writeCache(cacheFile, key, classpath);
        return new LaunchPlan.Warm(new JavaLaunch(java(environment), List.of(), classpath, mainClass, args));
    }

    /** Maven's own choice of JVM: JAVA_HOME, else java on PATH. */
    private static String java(Map<String, String> environment) {
        String home = environment.get("JAVA_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
            return Path.of(home, "bin", "java").toString();
        }
        return "java";
    }

    private static Optional<String> runMaven(String mvn, boolean offline, Path projectDirectory, Path cacheDirectory,
                                             Map<String, String> environment) {
        try {
            Files.createDirectories(cacheDirectory);
            Path output = cacheDirectory.resolve("classpath.txt");
            Files.deleteIfExists(output);
            List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("compile", "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                    "-Dmdep.outputFile=" + output.toAbsolutePath()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(projectDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(cacheDirectory.resolve("maven.log").toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                ProcessTree.kill(process);
                return Optional.empty();
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Hash of what decides the class path and the compiled classes. */
    static String key(String command, Path projectDirectory) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(command.getBytes(StandardCharsets.UTF_8));
            for (Path pom : List.of(projectDirectory.resolve("pom.xml"), projectDirectory.resolve("../pom.xml"))) {
                if (Files.isRegularFile(pom)) {
                    digest.update(Files.readAllBytes(pom));
                }
            }
            Path sources = projectDirectory.resolve("src").resolve("main");
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String entry = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
                        digest.update(entry.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | UncheckedIOException e) {
            return "unreadable-" + System.nanoTime(); // never matches: resolve again
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Optional<String> cachedClasspath(Path cacheFile, String key) {
        try {
            Optional<ObjectNode> cache = JsonFiles.readObject(cacheFile);
            JsonNode classpath = cache.map(c -> c.get("classpath")).orElse(null);
            if (cache.isPresent() && key.equals(cache.get().path("key").asText()) && classpath != null) {
                return Optional.of(classpath.asText());
            }
        } catch (RuntimeException e) {
            // a corrupt cache is just a miss
        }
        return Optional.empty();
    }

    private static void writeCache(Path cacheFile, String key, String classpath) {
        ObjectNode cache = JsonFiles.MAPPER.createObjectNode().put("key", key).put("classpath", classpath);
        try {
            Files.writeString(cacheFile, JsonFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(cache));
        } catch (IOException e) {
            // without a cache the next synth resolves again; nothing else depends on it
        }
    }
}
