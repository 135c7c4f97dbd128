package io.cdkj.toolkit;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets this process has resolved or been given — secret access keys, session tokens, registry
 * tokens — so that no message or log line can show them, whoever wrote the text (a plugin's exception
 * quoting its credentials, the SDK, a stack trace with {@code --debug}): {@link #redact} replaces each
 * with {@value #MASK}. Remembered where the host sees them (credentials it resolves or verifies, the
 * environment's keys); {@link UntrustedText} redacts every message, and the launcher's standard error
 * every log line.
 *
 * <p>Process-wide and thread-safe.
 */
public final class Secrets {

    /** What a secret becomes. */
    public static final String MASK = "****";
    /** Shorter values are not secrets worth the risk of masking ordinary words. */
    private static final int MIN_LENGTH = 8;

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Remembers {@code secret} (null and short values are ignored). */
    public static void remember(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            KNOWN.add(secret);
        }
    }

    /** {@code text} with every remembered secret replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || KNOWN.isEmpty()) {
            return text;
        }
        String result = text;
        // Longest first, so a secret that contains another is masked whole.
        List<String> secrets = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }
}
