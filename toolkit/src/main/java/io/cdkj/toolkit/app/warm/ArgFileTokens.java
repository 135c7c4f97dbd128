package io.cdkj.toolkit.app.warm;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a {@code java} argument file ({@code java @file}) into arguments by the rules
 * the JDK launcher applies (the {@code java} tool's documentation, "java Command-Line Argument
 * Files"):
 * <ul>
 *   <li>arguments are separated by blanks ({@code ' '}, tab, form feed) and line ends;</li>
 *   <li>{@code '} or {@code "} quote part of an argument (blanks, {@code #} and the other quote kept),
 *       and the quote ends at the matching quote or at the end of the line;</li>
 *   <li>within quotes a backslash escapes: {@code \n}, {@code \r}, {@code \t}, {@code \f} are those
 *       characters, any other character stands for itself, and a backslash at the end of a line
 *       continues the argument on the next line, without that line's leading blanks;</li>
 *   <li>outside quotes a backslash is an ordinary character, and {@code #} starts a comment that runs
 *       to the end of the line (the unquoted part of an argument just before it is dropped, as the
 *       launcher does);</li>
 *   <li>no wildcards, variables or nested {@code @file}s are expanded.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class ArgFileTokens {

    private enum State { BETWEEN, TOKEN, QUOTED, ESCAPE, CONTINUATION, COMMENT }

    private ArgFileTokens() {
    }

    /** The arguments {@code text} holds, in order. */
    static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder parts = new StringBuilder();
        boolean hasParts = false;
        State state = State.BETWEEN;
        char quote = '"';
        int segment = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            switch (state) {
                case BETWEEN, CONTINUATION -> {
                    if (isBlank(c) || isLineEnd(c)) {
                        i++;
                    } else {
                        state = state == State.BETWEEN ? State.TOKEN : State.QUOTED;
                        segment = i; // the character is read again in its new state
                    }
                    continue;
                }
                case ESCAPE -> {
                    if (isLineEnd(c)) {
                        state = State.CONTINUATION;
                    } else {
                        parts.append(escaped(c));
                        hasParts = true;
                        state = State.QUOTED;
                    }
                    segment = ++i;
                    continue;
                }
                case COMMENT -> {
                    if (isLineEnd(c)) {
                        state = State.BETWEEN;
                    }
                    segment = ++i;
                    continue;
                }
                default -> {
                    // TOKEN or QUOTED, below
                }
            }
            boolean quoted = state == State.QUOTED;
            if (isLineEnd(c) || isBlank(c) && !quoted) {
                tokens.add(parts.append(text, segment, i).toString());
                parts.setLength(0);
                hasParts = false;
                state = State.BETWEEN;
            } else if (c == '#' && !quoted) {
                state = State.COMMENT;
            } else if (c == '\\' && quoted) {
                parts.append(text, segment, i);
                hasParts = true;
                state = State.ESCAPE;
            } else if ((c == '"' || c == '\'') && (!quoted || c == quote)) {
                if (segment < i) {
                    parts.append(text, segment, i);
                    hasParts = true;
                }
                segment = i + 1;
                quote = c;
                state = quoted ? State.TOKEN : State.QUOTED;
            }
            i++;
        }
        if ((state == State.TOKEN || state == State.QUOTED) && (hasParts || segment < n)) {
            tokens.add(parts.append(text, segment, n).toString());
        }
        return tokens;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private static char escaped(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'f' -> '\f';
            default -> c;
        };
    }
}
