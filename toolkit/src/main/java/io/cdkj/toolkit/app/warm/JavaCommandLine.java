package io.cdkj.toolkit.app.warm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Recognizes an app command that is a plain {@code java} command line — {@code java [options] -cp CP
 * MainClass [args]} or {@code java [options] -jar app.jar [args]} — and takes it apart into a
 * {@link JavaLaunch}. Module launches, source-file mode, argument files and anything that needs a
 * shell are left to the cold path, with the reason.
 *
 * <p>Stateless and thread-safe.
 */
public final class JavaCommandLine {

    /** Options whose value is the next word. */
    private static final Set<String> WITH_VALUE = Set.of("--add-opens", "--add-exports", "--add-reads",
            "--add-modules", "--enable-native-access", "--limit-modules", "-splash");
    private static final Set<String> CLASSPATH = Set.of("-cp", "-classpath", "--class-path");
    private static final Set<String> UNSUPPORTED = Set.of("-m", "--module", "-p", "--module-path",
            "--upgrade-module-path", "--patch-module", "--source", "-version", "--version", "-showversion",
            "--show-version", "-help", "--help", "-h", "-?", "--dry-run");

    private JavaCommandLine() {
    }

    /**
     * The launch for {@code command}, or why it must run cold.
     *
     * @param environment      the app's environment (for {@code $VAR} and {@code CLASSPATH})
     * @param workingDirectory where the command runs (for {@code -jar} manifests)
     */
    public static LaunchPlan parse(String command, Map<String, String> environment, Path workingDirectory) {
        Optional<List<String>> split = CommandWords.split(command.trim(), environment);
        if (split.isEmpty()) {
            return new LaunchPlan.Cold("the app command needs a shell (pipes, redirections, globs or $(...)): "
                    + command);
        }
        List<String> words = new ArrayList<>(split.get());
        if (!words.isEmpty() && words.get(0).equals("exec")) {
            words.remove(0);
        }
        if (words.isEmpty() || !isJava(words.get(0))) {
            return new LaunchPlan.Cold("the app command is not a java command line: " + command);
        }
        String java = words.get(0);
        List<String> options = new ArrayList<>();
        String classpath = environment.getOrDefault("CLASSPATH", ".");
        int i = 1;
        while (i < words.size() && words.get(i).startsWith("-")) {
            String word = words.get(i);
            if (UNSUPPORTED.contains(word) || word.startsWith("--module-path=") || word.startsWith("--source=")) {
                return new LaunchPlan.Cold("the java option " + word + " is not supported by the warm app host");
            }
            if (CLASSPATH.contains(word)) {
                if (i + 1 >= words.size()) {
                    return new LaunchPlan.Cold("the java option " + word + " has no value");
                }
                classpath = words.get(i + 1);
                i += 2;
            } else if (word.startsWith("--class-path=")) {
                classpath = word.substring("--class-path=".length());
                i++;
            } else if (word.equals("-jar")) {
                return jar(java, options, words, i + 1, workingDirectory);
            } else if (WITH_VALUE.contains(word)) {
                if (i + 1 >= words.size()) {
                    return new LaunchPlan.Cold("the java option " + word + " has no value");
                }
                options.add(word);
                options.add(words.get(i + 1));
                i += 2;
            } else {
                options.add(word);
                i++;
            }
        }
        if (i >= words.size()) {
            return new LaunchPlan.Cold("the java command line names no main class: " + command);
        }
        String main = words.get(i);
        if (main.startsWith("@") || main.endsWith(".java") || main.contains("/")) {
            return new LaunchPlan.Cold("the java command line runs " + main + ", not a main class");
        }
        return new LaunchPlan.Warm(new JavaLaunch(java, options, classpath, main, words.subList(i + 1, words.size())));
    }

    private static boolean isJava(String word) {
        String name = Path.of(word).getFileName() == null ? word : Path.of(word).getFileName().toString();
        return name.equals("java") || name.equals("java.exe");
    }

    private static LaunchPlan jar(String java, List<String> options, List<String> words, int at, Path workingDirectory) {
        if (at >= words.size()) {
            return new LaunchPlan.Cold("the java option -jar has no value");
        }
        String jar = words.get(at);
        Path file = workingDirectory.resolve(jar);
        try (JarFile jarFile = new JarFile(file.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (main == null || main.isBlank()) {
                return new LaunchPlan.Cold("the jar " + jar + " names no Main-Class in its manifest");
            }
            // The manifest's own Class-Path still applies: the jar stays first on the class path.
            return new LaunchPlan.Warm(new JavaLaunch(java, options, jar, main.trim(),
                    words.subList(at + 1, words.size())));
        } catch (IOException e) {
            return new LaunchPlan.Cold("cannot read the jar " + jar + " (" + e.getMessage() + ")");
        }
    }
}
