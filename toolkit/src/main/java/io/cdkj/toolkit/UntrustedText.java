package io.cdkj.toolkit;

/**
 * Makes text the toolkit did not write itself — exception messages of plugins, the SDK and Jackson, an
 * app command, values from files — fit into a one-line message: known secrets are masked
 * ({@link Secrets}), line breaks and other control characters (terminal escape sequences included)
 * become spaces, and the length is bounded, so a message can neither leak a key, nor span lines, nor
 * repaint the terminal, nor repeat a 300 KB value.
 *
 * <p>Stateless and thread-safe.
 */
public final class UntrustedText {

    /** The longest embedded value (a command, a plugin's reason) before it is cut. */
    public static final int EXCERPT_LENGTH = 300;
    /** The longest whole message line the CLI prints. */
    public static final int MESSAGE_LENGTH = 4000;

    private UntrustedText() {
    }

    /** {@code text} on one line: every run of line breaks, tabs and other control characters is one space. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBreakOrControl(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && line.length() > 0 && line.charAt(line.length() - 1) != ' ' && c != ' ') {
                line.append(' ');
            }
            pendingSpace = false;
            line.append(c);
        }
        return line.toString();
    }

    /** {@code text} cut to at most {@code max} characters, saying how much was left out. */
    public static String bounded(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }

    /** {@link Secrets#redact}, {@link #oneLine} and {@link #bounded} to {@link #EXCERPT_LENGTH}: for a value inside a message. */
    public static String excerpt(String text) {
        return bounded(oneLine(Secrets.redact(text)), EXCERPT_LENGTH);
    }

    /** {@link Secrets#redact}, {@link #oneLine} and {@link #bounded} to {@link #MESSAGE_LENGTH}: for a whole message. */
    public static String message(String text) {
        return bounded(oneLine(Secrets.redact(text)), MESSAGE_LENGTH);
    }

    private static boolean isBreakOrControl(char c) {
        // ISO controls include CR, LF, tab, ESC (terminal escapes) and NEL; then the Unicode line and
        // paragraph separators, and the bidirectional overrides that make text read differently.
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
