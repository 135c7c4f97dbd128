package io.cdkj.toolkit.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a bootstrap template may replace the stack there now, as the Node CLI decides: not over a
 * stack of another variant, and not over a newer version, unless {@code --force}. Immutable results.
 */
public sealed interface Takeover {

    /** Deploy the template. */
    record Proceed() implements Takeover {
    }

    /**
     * Leave the stack as it is (reported as a warning, not as a failure).
     *
     * @param reason  why
     * @param message what to tell the user, with the fix
     */
    record Refused(Reason reason, String message) implements Takeover {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a stack is left alone. */
    enum Reason {
        /** The stack was deployed from a template of another variant (another tool, a custom template). */
        OTHER_VARIANT,
        /** The stack is at a higher version than the template. */
        DOWNGRADE
    }

    /** Decides for {@code template} over {@code current} (none: always proceed). */
    static Takeover decide(BootstrapTemplate template, Optional<CurrentBootstrap> current, boolean force) {
        if (current.isEmpty() || force) {
            return new Proceed();
        }
        CurrentBootstrap stack = current.get();
        if (!stack.variant().equals(template.variant())) {
            return new Refused(Reason.OTHER_VARIANT, "bootstrap stack " + stack.stackName() + " holds '" + stack.variant()
                    + "', not '" + template.variant() + "' (use --force to replace it)");
        }
        if (template.version() < stack.version()) {
            return new Refused(Reason.DOWNGRADE, "bootstrap stack " + stack.stackName() + " is at version "
                    + stack.version() + ", newer than " + template.version() + " (use --force to downgrade it)");
        }
        return new Proceed();
    }
}
