package io.cdkj.toolkit.credentials;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * How the host found credentials for one (account, region, mode) — or why it found none. The
 * {@code toString}s never include the providers (whose own {@code toString} is outside our control).
 */
public sealed interface Resolution {

    /** The default identity already acts in the target account (step 2). */
    record FromDefault(IdentityProvider<AwsCredentialsIdentity> provider, CallerIdentity identity) implements Resolution {
        public FromDefault {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public String toString() {
            return "FromDefault[" + identity.arn() + "]";
        }
    }

    /**
     * A plugin gave credentials, verified to act in the target account (steps 3–4).
     *
     * @param plugin   the plugin's name
     * @param provider its refreshing provider (owned by the host)
     * @param verified who its credentials are, per STS GetCallerIdentity
     * @param declined {@code name (reason)} of the plugins asked before it
     */
    record FromPlugin(String plugin, IdentityProvider<AwsCredentialsIdentity> provider, CallerIdentity verified,
            List<String> declined) implements Resolution {
        public FromPlugin {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(verified, "verified");
            declined = List.copyOf(declined);
        }

        @Override
        public String toString() {
            return "FromPlugin[" + plugin + ", " + verified.arn() + ", declined=" + declined + "]";
        }
    }

    /**
     * Nothing acts in the target account (step 5).
     *
     * @param message the complete, CDK-compatible user message with a hint
     * @param reasons {@code name (reason)} per plugin asked; empty when none was selected
     */
    record None(String message, List<String> reasons) implements Resolution {
        public None {
            Objects.requireNonNull(message, "message");
            reasons = List.copyOf(reasons);
        }
    }
}
