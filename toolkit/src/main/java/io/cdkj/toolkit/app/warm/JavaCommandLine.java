package io.cdkj.toolkit.app.warm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognizes an app command that is a plain {@code java} command line — {@code java [options] -cp CP
 * MainClass [args]} or {@code java [options] -jar app.jar [args]}, with {@code -cp} also spelled
 * {@code -classpath}, {@code --class-path} or {@code --class-path=CP} (else {@code CLASSPATH}, else
 * {@code .}), any {@code -D}/{@code -X}/{@code -XX:} and other JVM options, argument files
 * ({@code @file}) and {@value LauncherArguments#JDK_JAVA_OPTIONS} read as the launcher reads them
 * ({@link LauncherArguments}) — and takes it apart into a {@link JavaLaunch}. Module launches,
 * source-file mode, options that make {@code java} do something else than run {@code main}, and
 * anything that needs a shell are left to the cold path, with the reason.
 *
 * <p>The options from {@value LauncherArguments#JDK_JAVA_OPTIONS} are not copied into the launch: the
 * host inherits the app's environment, so its own launcher applies them once, as the app's would.
 * They do count for the class path (a {@code -cp} there holds unless the command line has one).
 *
 * <p>Stateless and thread-safe.
 */
public final class JavaCommandLine {

    private static final Set<String> CLASSPATH = Set.of("-cp", "-classpath", "--class-path");
    private static final Set<String> UNSUPPORTED = Set.of("-m", "--module", "-p", "--module-path",
            "--upgrade-module-path", "--patch-module", "--source", "-d", "--describe-module", "--list-modules",
            "--validate-modules", "-version", "--version", "-showversion", "--show-version", "-fullversion",
            "--full-version", "-help", "--help", "-h", "-?", "-X", "--help-extra", "--dry-run", "-Xshare:dump");
    private static final List<String> UNSUPPORTED_PREFIXES = List.of("--module=", "--module-path=", "--source=",
            "--upgrade-module-path=", "--patch-module=", "--describe-module=");

    private JavaCommandLine() {
    }

    /**
     * The launch for {@code command}, or why it must run cold.
     *
     * @param environment      the app's environment (for {@code $VAR}, {@code CLASSPATH} and
     *                         {@value LauncherArguments#JDK_JAVA_OPTIONS})
     * @param workingDirectory where the command runs (for argument files and {@code -jar} manifests)
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
        LauncherArguments.Result expanded = LauncherArguments.expand(words.subList(1, words.size()), environment,
                workingDirectory);
        if (expanded instanceof LauncherArguments.Result.Refused refused) {
            return new LaunchPlan.Cold(refused.reason());
        }
        LauncherArguments.Result.Expanded arguments = (LauncherArguments.Result.Expanded) expanded;
        Scan fromEnvironment = new Scan(environment.getOrDefault("CLASSPATH", "."));
        Optional<String> refused = fromEnvironment.options(arguments.fromEnvironment());
        if (refused.isPresent()) {
            return new LaunchPlan.Cold(refused.get() + " (in " + LauncherArguments.JDK_JAVA_OPTIONS + ")");
        }
        Scan scan = new Scan(fromEnvironment.classpath);
        List<String> rest = arguments.fromCommand();
        refused = scan.options(rest);
        if (refused.isPresent()) {
            return new LaunchPlan.Cold(refused.get());
        }
        if (scan.classpath.startsWith("@")) {
            return new LaunchPlan.Cold("the class path starts with @ (the host's launcher would read it as an"
                    + " argument file): " + scan.classpath);
        }
        String java = words.get(0);
        if (scan.jar) {
            if (scan.next >= rest.size()) {
                return new LaunchPlan.Cold("the java option -jar has no value");
            }
            return ExecutableJar.launch(java, scan.jvmOptions, rest.get(scan.next),
                    rest.subList(scan.next + 1, rest.size()), workingDirectory);
        }
        if (scan.next >= rest.size()) {
            return new LaunchPlan.Cold("the java command line names no main class: " + command);
        }
        String main = rest.get(scan.next);
        if (main.startsWith("@") || main.endsWith(".java") || main.contains("/")) {
            return new LaunchPlan.Cold("the java command line runs " + main + ", not a main class");
        }
        return new LaunchPlan.Warm(new JavaLaunch(java, scan.jvmOptions, scan.classpath, main,
                rest.subList(scan.next + 1, rest.size())));
    }

    private static boolean isJava(String word) {
        String name = Path.of(word).getFileName() == null ? word : Path.of(word).getFileName().toString();
        return name.equals("java") || name.equals("java.exe");
    }

    /** The options before the main class (or {@code -jar}): the class path and the JVM's options. */
    private static final class Scan {
        private String classpath;
        private final List<String> jvmOptions = new ArrayList<>();
        private boolean jar;
        private int next;

        Scan(String classpath) {
            this.classpath = classpath;
        }

        /** Reads {@code arguments} up to the main class, or to the file after {@code -jar}; else why not. */
        Optional<String> options(List<String> arguments) {
            int i = 0;
            while (i < arguments.size() && arguments.get(i).startsWith("-")) {
                String word = arguments.get(i);
                if (UNSUPPORTED.contains(word) || UNSUPPORTED_PREFIXES.stream().anyMatch(word::startsWith)) {
                    return Optional.of("the java option " + word + " is not supported by the warm app host");
                }
                boolean hasValue = LauncherArguments.WITH_VALUE.contains(word);
                if (hasValue && i + 1 >= arguments.size()) {
                    return Optional.of("the java option " + word + " has no value");
                }
                String value = hasValue ? arguments.get(i + 1) : null;
                if (value != null && value.startsWith("@")) {
                    // The host's own launcher would read it as an argument file.
                    return Optional.of("the value of the java option " + word + " starts with @: " + value);
                }
                if (CLASSPATH.contains(word)) {
                    classpath = value;
                } else if (word.startsWith("--class-path=")) {
                    classpath = word.substring("--class-path=".length());
                } else if (word.equals("-jar")) {
                    jar = true;
                    next = i + 1;
                    return Optional.empty();
                } else if (!word.equals(LauncherArguments.DISABLE_ARG_FILES)) {
                    jvmOptions.add(word);
                    if (hasValue) {
                        jvmOptions.add(value);
                    }
                }
                i += hasValue ? 2 : 1;
            }
            next = i;
            return Optional.empty();
        }
    }
}
