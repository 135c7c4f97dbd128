package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.Secrets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blanks out the registry passwords and tokens a run has seen, in anything it is about to show (a
 * command's last error lines, a message). Commands never receive secrets in their arguments; this
 * guards against a tool echoing what it read on stdin or from its config.
 *
 * <p>Thread-safe.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers {@code secret}; later {@link #redact} calls hide it. */
    public void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
            // and for every other message and log line of the process (Secrets), not only this run's output
            Secrets.remember(secret);
        }
    }

    /** {@code text} with every known secret replaced by {@value #MASK} (longest first, so overlaps are hidden whole). */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
