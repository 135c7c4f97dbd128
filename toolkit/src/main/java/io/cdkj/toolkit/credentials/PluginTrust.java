package io.cdkj.toolkit.credentials;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the command may still use plugin credentials: tripped by the first plugin whose credentials
 * turn out to act in the wrong account. From then on every plugin provider of the command refuses to
 * resolve, and the command ends with that error ({@link #violation()}), however the operation that
 * noticed it would have reported a failed AWS call (a lookup's error annotation, a failed stack).
 *
 * <p>Thread-safe.
 */
public final class PluginTrust {

    private final AtomicReference<WrongAccountException> violation = new AtomicReference<>();

    /** Records {@code e} (the first one wins) and returns the one recorded, to throw. */
    WrongAccountException trip(WrongAccountException e) {
        violation.compareAndSet(null, e);
        return violation.get();
    }

    /** Fails when the trust was tripped. */
    void throwIfTripped() {
        WrongAccountException e = violation.get();
        if (e != null) {
            throw e;
        }
    }

    /** The first wrong-account credentials a plugin handed out in this command, if any. */
    public Optional<WrongAccountException> violation() {
        return Optional.ofNullable(violation.get());
    }
}
