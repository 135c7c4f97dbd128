package io.cdkj.toolkit.app.warm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits an app command into words the way {@code sh} would for the simple commands the warm host
 * can take over: blanks separate words, single and double quotes group, backslash escapes, and
 * {@code $VAR} / {@code ${VAR}} expand from the app's environment. Anything a shell would do more
 * with (pipes, redirections, command substitution, globs, several commands) yields empty: such a
 * command runs cold, by the shell, exactly as written.
 *
 * <p>Stateless and thread-safe.
 */
final class CommandWords {

    private CommandWords() {
    }

    /** The words of {@code command}, or empty when only a shell can run it faithfully. */
    static Optional<List<String>> split(String command, Map<String, String> environment) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                word.append(command, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < n && command.charAt(i) != '"') {
                    char d = command.charAt(i);
                    if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                        word.append(command.charAt(i + 1));
                        i += 2;
                    } else if (d == '$') {
                        int next = expand(command, i, environment, word);
                        if (next < 0) {
                            return Optional.empty();
                        }
                        i = next;
                    } else if (d == '`') {
                        return Optional.empty();
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (i >= n) {
                    return Optional.empty();
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return Optional.empty();
                }
                word.append(command.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                // Unquoted expansions are also split on blanks by sh; only take simple values.
                StringBuilder value = new StringBuilder();
                int next = expand(command, i, environment, value);
                if (next < 0 || value.toString().matches(".*[\\s*?\\[].*")) {
                    return Optional.empty();
                }
                word.append(value);
                i = next;
            } else if ("|&;<>()`*?[]{}~#\n\r".indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }

    /** Appends the value of the variable at {@code start} ('$'); returns the index after it, or -1. */
    private static int expand(String command, int start, Map<String, String> environment, StringBuilder out) {
        int i = start + 1;
        boolean braced = i < command.length() && command.charAt(i) == '{';
        if (braced) {
            i++;
        }
        int nameStart = i;
        while (i < command.length() && (Character.isLetterOrDigit(command.charAt(i)) || command.charAt(i) == '_')) {
            i++;
        }
        if (i == nameStart || Character.isDigit(command.charAt(nameStart))) {
            return -1;
        }
        String name = command.substring(nameStart, i);
        if (braced) {
            if (i >= command.length() || command.charAt(i) != '}') {
                return -1;
            }
            i++;
        }
        out.append(environment.getOrDefault(name, ""));
        return i;
    }
}
