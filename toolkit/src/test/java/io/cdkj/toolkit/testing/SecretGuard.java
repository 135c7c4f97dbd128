package io.cdkj.toolkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Proves no test output leaks a secret: tees {@code System.out} and {@code System.err} (where
 * slf4j-simple logs) for the whole test class, and after it asserts that none of the secrets the
 * tests registered (secret access keys, session tokens they created or received) appears there or in
 * any text the tests handed to {@link #checkOutput(String)}. Use with {@code @ExtendWith}; not for
 * parallel test classes (System streams are global).
 */
public final class SecretGuard implements BeforeAllCallback, AfterAllCallback {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final StringBuilder CHECKED = new StringBuilder();

    private PrintStream originalOut;
    private PrintStream originalErr;
    private ByteArrayOutputStream captured;

    /** Remembers a secret that must never appear in output. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 8) {
            SECRETS.add(secret);
        }
    }

    /** Adds text (e.g. a CLI run's stdout and stderr) to what is checked after the class. */
    public static synchronized void checkOutput(String text) {
        CHECKED.append(text).append('\n');
    }

    /** The secrets registered so far (for the test that proves the guard can fail). */
    public static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        String everything;
        synchronized (SecretGuard.class) {
            everything = captured.toString(StandardCharsets.UTF_8) + CHECKED;
            CHECKED.setLength(0);
        }
        assertThat(SECRETS).as("the tests registered the secrets they created").isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(everything).as("test output must not contain a registered secret").doesNotContain(secret);
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
