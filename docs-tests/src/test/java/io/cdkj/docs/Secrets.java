package io.cdkj.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * Asserts that text shown to users holds no AWS secret: neither a given secret nor anything shaped like
 * a secret access key (40 base64 characters mixing upper and lower case) or a session token (long
 * base64). Stateless.
 */
final class Secrets {

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern SESSION_TOKEN = Pattern.compile("[A-Za-z0-9/+=]{100,}");

    private Secrets() {
    }

    static void assertNone(String text, String... knownSecrets) {
        assertThat(text).as("output with a secret access key").doesNotContainPattern(SECRET_KEY);
        assertThat(text).as("output with a session token").doesNotContainPattern(SESSION_TOKEN);
        for (String secret : knownSecrets) {
            assertThat(text).as("output with a known secret").doesNotContain(secret);
        }
    }
}
