package io.cdkj.toolkit.deploy;

import java.util.Objects;

/**
 * A stack name as a user types it ({@code cdkj deploy 'dev*'}): a glob in which only {@code *} is
 * special (any run of characters, also none, {@code /} included so {@code Stage/*} matches a stage's
 * stacks); every other character, backslashes, brackets and regex syntax included, stands for itself.
 * Matching is done without regular expressions, so no pattern can fail to compile or take long.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the pattern as given
 */
public record StackPattern(String text) {

    private static final char WILDCARD = '*';

    public StackPattern {
        Objects.requireNonNull(text, "text");
    }

    /** True when the pattern has a wildcard (a plain name also matches artifact ids exactly). */
    public boolean isGlob() {
        return text.indexOf(WILDCARD) >= 0;
    }

    /**
     * True when {@code name} matches the whole pattern. Greedy with backtracking to the last
     * {@code *} only, which is enough for a single wildcard kind and runs in O(pattern × name).
     */
    public boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < text.length() && text.charAt(p) == WILDCARD) {
                star = p++;
                resume = n;
            } else if (p < text.length() && text.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < text.length() && text.charAt(p) == WILDCARD) {
            p++;
        }
        return p == text.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
