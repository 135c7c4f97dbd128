package io.cdkj.toolkit.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guard the no-secrets assertions rely on must be able to fail. */
class SecretGuardTest {

    @Test
    void afterAll_secretPrintedToStderr_fails() {
        SecretGuard guard = new SecretGuard();
        String secret = "guardTestSecret" + System.nanoTime();
        SecretGuard.register(secret);
        guard.beforeAll(null);
        System.err.println("leaking " + secret);

        assertThatThrownBy(() -> guard.afterAll(null)).isInstanceOf(AssertionError.class).hasMessageContaining(secret);
    }

    @Test
    void afterAll_secretInCheckedOutput_fails() {
        SecretGuard guard = new SecretGuard();
        String secret = "guardTestSecret" + System.nanoTime();
        SecretGuard.register(secret);
        guard.beforeAll(null);
        SecretGuard.checkOutput("Error: " + secret);

        assertThatThrownBy(() -> guard.afterAll(null)).isInstanceOf(AssertionError.class);
    }

    @Test
    void afterAll_noLeak_passes() {
        SecretGuard guard = new SecretGuard();
        SecretGuard.register("guardTestSecretNeverPrinted");
        guard.beforeAll(null);
        System.err.println("harmless");

        assertThatCode(() -> guard.afterAll(null)).doesNotThrowAnyException();
    }
}
