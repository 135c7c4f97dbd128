package io.cdkj.toolkit.credentials;

import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** What became of a target's role: assumed, or (a lookup role only) replaced by the base credentials. */
sealed interface OnTop {

    /** The credentials the target's operations use; owned by the host. */
    IdentityProvider<AwsCredentialsIdentity> provider();

    /**
     * The role was assumed, and its credentials act in the target account.
     *
     * @param fromDefaultElsewhere whether the base was the default identity of another account (no
     *                             plugin gave credentials for the target's: the standard cross-account path)
     */
    record Assumed(IdentityProvider<AwsCredentialsIdentity> provider, boolean fromDefaultElsewhere) implements OnTop {
        public Assumed {
            Objects.requireNonNull(provider, "provider");
        }
    }

    /**
     * STS did not give the lookup role; the base credentials act in the target account and are used instead.
     *
     * @param reason STS's answer
     */
    record BaseInstead(IdentityProvider<AwsCredentialsIdentity> provider, String reason) implements OnTop {
        public BaseInstead {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
