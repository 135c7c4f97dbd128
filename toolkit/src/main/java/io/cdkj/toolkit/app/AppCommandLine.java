package io.cdkj.toolkit.app;

import io.cdkj.toolkit.Secrets;
import io.cdkj.toolkit.UntrustedText;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app command as the one-line "Running app: ..." progress shows it: a Java class path (often
 * hundreds of jars) is shortened to {@code …}, and what is still too long is cut. The full command
 * goes to the verbose log ({@code --verbose}).
 *
 * <p>Stateless and thread-safe.
 */
public final class AppCommandLine {

    static final int MAX_LENGTH = 160;

    private static final Pattern CLASS_PATH = Pattern.compile(
            "(^|\\s)(-cp|-classpath|--class-path)(\\s+|=)('[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    private AppCommandLine() {
    }

    /** {@code command} shortened for the progress line. */
    public static String summary(String command) {
        String summary = CLASS_PATH.matcher(command).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group(2) + m.group(3) + "…"));
        return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 1) + "…";
    }

    /**
     * Prints {@code Running app: SUMMARY SUFFIX} on {@code progress}, and the whole command on
     * {@code verbose} when the summary shortened it.
     */
    public static void report(String command, String suffix, PrintWriter progress, Consumer<String> verbose) {
        // the command comes from cdk.json or --app: masked and on one line like any text cdkj did not write
        String shown = UntrustedText.oneLine(Secrets.redact(command));
        String summary = summary(shown);
        progress.println("Running app: " + summary + suffix);
        progress.flush();
        if (!summary.equals(shown)) {
            verbose.accept("App command: " + shown);
        }
    }
}
