package io.cdkj.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code java -XshowSettings:properties} prints on stderr before the program runs: a
 * property line {@code "    java.class.path = FIRST"} followed by one indented line per further
 * entry. Stateless.
 */
final class JvmSettings {

    private static final String CLASS_PATH = "    java.class.path = ";
    private static final String CONTINUATION = "        ";

    private JvmSettings() {
    }

    /** The JVM's class path entries, empty if the settings were not printed. */
    static List<Path> classPath(String stderr) {
        List<Path> entries = new ArrayList<>();
        boolean inClassPath = false;
        for (String line : stderr.lines().toList()) {
            if (line.startsWith(CLASS_PATH)) {
                entries.add(Path.of(line.substring(CLASS_PATH.length()).strip()));
                inClassPath = true;
            } else if (inClassPath && line.startsWith(CONTINUATION) && !line.isBlank()) {
                entries.add(Path.of(line.strip()));
            } else {
                inClassPath = false;
            }
        }
        return entries;
    }
}
