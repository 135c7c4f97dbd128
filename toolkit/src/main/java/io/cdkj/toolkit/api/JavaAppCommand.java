package io.cdkj.toolkit.api;

import io.cdkj.toolkit.app.warm.JavaLaunch;
import java.util.ArrayList;
import java.util.List;

/**
 * The app command for a {@link JavaLaunch} whose class path travels in {@code CLASSPATH}: {@code java
 * [options] MAIN [args]}, every word single-quoted for {@code sh -c}. The warm app host parses it back
 * into the same launch (taking the class path from the environment); the cold runner hands it to the
 * shell. Stateless.
 */
final class JavaAppCommand {

    private JavaAppCommand() {
    }

    static String of(JavaLaunch launch) {
        List<String> words = new ArrayList<>();
        words.add(launch.java());
        words.addAll(launch.jvmOptions());
        words.add(launch.mainClass());
        words.addAll(launch.args());
        return String.join(" ", words.stream().map(JavaAppCommand::quote).toList());
    }

    /** {@code 'word'}, with each {@code '} written as {@code '\''} (close, escaped quote, reopen). */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
