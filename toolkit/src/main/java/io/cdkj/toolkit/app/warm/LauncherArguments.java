package io.cdkj.toolkit.app.warm;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@code java} launcher makes of its arguments before the JVM sees them: the words of
 * {@value #JDK_JAVA_OPTIONS} in the environment go first, then the command line's, and every
 * {@code @file} up to the main class (or the {@code -jar} file) is replaced by the arguments in that
 * file ({@link ArgFileTokens}); {@code @@x} stands for the literal {@code @x}, {@code --disable-@files}
 * stops the expansion. Where the launcher would refuse to start (an argument file it cannot read, a
 * main class or {@code -jar} in {@value #JDK_JAVA_OPTIONS}, an unmatched quote there) this says why,
 * so the app runs cold and {@code java} reports the error itself.
 *
 * <p>Stateless and thread-safe.
 */
final class LauncherArguments {

    /** The environment variable whose options every {@code java} launcher (JDK 9+) prepends. */
    static final String JDK_JAVA_OPTIONS = "JDK_JAVA_OPTIONS";
    /** The launcher option that turns off argument files; it never reaches the JVM. */
    static final String DISABLE_ARG_FILES = "--disable-@files";

    /** Options whose value is the next argument (the launcher's list), so that argument is no main class. */
    static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--upgrade-module-path", "--add-modules", "--enable-native-access", "--limit-modules", "--add-exports",
            "--add-opens", "--add-reads", "--patch-module", "--describe-module", "-d", "--source");
    /** Options that make the launcher do something else than run a main class; refused in the environment. */
    private static final Set<String> TERMINAL = Set.of("-jar", "-m", "--module", "--dry-run", "-h", "-?", "-help",
            "--help", "-X", "--help-extra", "-version", "--version", "-fullversion", "--full-version");

    /** The expanded arguments, or why {@code java} itself would refuse them. */
    sealed interface Result {
        /**
         * @param fromEnvironment the arguments from {@value #JDK_JAVA_OPTIONS} (the launcher puts them first)
         * @param fromCommand     the command line's arguments after the executable, argument files expanded
         */
        record Expanded(List<String> fromEnvironment, List<String> fromCommand) implements Result {
            public Expanded {
                fromEnvironment = List.copyOf(fromEnvironment);
                fromCommand = List.copyOf(fromCommand);
            }
        }

        /** The launcher would stop with an error; {@code reason} says which. */
        record Refused(String reason) implements Result {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private LauncherArguments() {
    }

    /**
     * @param arguments        the command line's words after the {@code java} executable
     * @param environment      the app's environment (for {@value #JDK_JAVA_OPTIONS})
     * @param workingDirectory where relative argument files are found
     */
    static Result expand(List<String> arguments, Map<String, String> environment, Path workingDirectory) {
        Expansion expansion = new Expansion(workingDirectory);
        List<String> fromEnvironment = new ArrayList<>();
        String options = environment.get(JDK_JAVA_OPTIONS);
        if (options != null) {
            List<String> words = environmentWords(options);
            if (words == null) {
                return new Result.Refused(JDK_JAVA_OPTIONS + " has an unmatched quote");
            }
            for (String word : words) {
                String refused = expansion.add(word, fromEnvironment);
                if (refused != null) {
                    return new Result.Refused(refused);
                }
            }
            for (String argument : fromEnvironment) {
                if (TERMINAL.contains(argument) || argument.startsWith("--module=")) {
                    return new Result.Refused(argument + " is not allowed in " + JDK_JAVA_OPTIONS);
                }
            }
            if (expansion.mainFound) {
                return new Result.Refused(JDK_JAVA_OPTIONS + " must not name the main class");
            }
        }
        List<String> fromCommand = new ArrayList<>();
        for (String argument : arguments) {
            String refused = expansion.add(argument, fromCommand);
            if (refused != null) {
                return new Result.Refused(refused);
            }
        }
        return new Result.Expanded(fromEnvironment, fromCommand);
    }

    /**
     * The words of {@value #JDK_JAVA_OPTIONS}: separated by white space, {@code '…'} or {@code "…"}
     * grouping (no escapes); null for an unmatched quote.
     */
    private static List<String> environmentWords(String value) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder word = new StringBuilder();
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                char c = value.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = value.indexOf(c, i + 1);
                    if (end < 0) {
                        return null;
                    }
                    word.append(value, i + 1, end);
                    i = end + 1;
                } else {
                    word.append(c);
                    i++;
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    /** The launcher's progress through the arguments: expanding, and whether the main class was seen. */
    private static final class Expansion {
        private final Path workingDirectory;
        private boolean disabled;
        private boolean valueExpected;
        private boolean mainFound;

        Expansion(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }

        /** Adds {@code argument}, expanded, to {@code into}; returns why the launcher would refuse it, or null. */
        String add(String argument, List<String> into) {
            if (mainFound || disabled || !argument.startsWith("@") || argument.length() == 1) {
                see(argument, into);
                return null;
            }
            if (argument.startsWith("@@")) {
                see(argument.substring(1), into);
                return null;
            }
            Path file = workingDirectory.resolve(argument.substring(1));
            String text;
            try {
                text = Files.readString(file, nativeCharset());
            } catch (IOException | RuntimeException e) {
                return "java cannot read the argument file " + argument.substring(1) + " (" + e.getMessage() + ")";
            }
            // The launcher expands one level only: "@x" inside a file is an argument as it stands.
            ArgFileTokens.split(text).forEach(token -> see(token, into));
            return null;
        }

        private void see(String argument, List<String> into) {
            into.add(argument);
            if (mainFound) {
                return;
            }
            if (argument.startsWith("-")) {
                valueExpected = WITH_VALUE.contains(argument);
                disabled |= argument.equals(DISABLE_ARG_FILES);
                mainFound = argument.startsWith("--module=");
            } else {
                mainFound = !valueExpected; // the main class, or the file after -jar / -m
                valueExpected = false;
            }
        }

        /** The launcher reads argument files as bytes in the platform's own encoding. */
        private static Charset nativeCharset() {
            String name = System.getProperty("native.encoding");
            try {
                return name == null ? Charset.defaultCharset() : Charset.forName(name);
            } catch (RuntimeException e) {
                return Charset.defaultCharset();
            }
        }
    }
}
