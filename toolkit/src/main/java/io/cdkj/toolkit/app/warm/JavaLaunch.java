package io.cdkj.toolkit.app.warm;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start the app's JVM: what {@code java -cp CLASSPATH MAIN ARGS} would run, taken apart so
 * the app host can be launched in its place with the same class path and options.
 *
 * @param java       the {@code java} executable (as written: a name looked up on PATH, or a path)
 * @param jvmOptions options before the main class ({@code -D…}, {@code -X…}), in order
 * @param classpath  the class path, entries separated by the platform's path separator; relative
 *                   entries resolve against the project directory, as they would for the command
 * @param mainClass  the app's main class
 * @param args       the arguments to {@code main}
 */
public record JavaLaunch(String java, List<String> jvmOptions, String classpath, String mainClass, List<String> args) {

    public JavaLaunch {
        Objects.requireNonNull(java, "java");
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(mainClass, "mainClass");
        if (mainClass.isBlank()) {
            throw new IllegalArgumentException("mainClass must not be blank");
        }
        args = List.copyOf(args);
    }

    /**
     * The command line that starts {@code hostMain} instead of the app's main class, with
     * {@code hostClasses} appended to the class path; the host gets the port, then the app's main
     * class and arguments.
     */
    List<String> hostCommand(String hostClasses, String hostMain, int port) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath.isEmpty() ? hostClasses : classpath + File.pathSeparator + hostClasses);
        command.add(hostMain);
        command.add(Integer.toString(port));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
