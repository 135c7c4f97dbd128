package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * How the host found the base credentials for one (environment, mode) — or why it found none. The
 * {@code toString}s never include the providers (whose own {@code toString} is outside our control).
 */
public sealed interface Resolution {

    /**
     * The credentials, owned by the host.
     *
     * @throws ToolkitException ({@link ErrorCode#CREDENTIALS}) with the fail-closed message when there are none
     */
    IdentityProvider<AwsCredentialsIdentity> provider();

    /** Who the credentials act as; empty when there are none. */
    Optional<CallerIdentity> actingAs();

    /** What each plugin asked answered, in order (empty when the default identity was used without asking). */
    List<PluginAnswer> answers();

    /** The plugin the credentials come from; empty for the default identity and for none. */
    default Optional<String> fromPlugin() {
        return Optional.empty();
    }

    /** The default identity already acts in the target account. */
    record FromDefault(IdentityProvider<AwsCredentialsIdentity> provider, CallerIdentity identity,
            List<PluginAnswer> answers) implements Resolution {
        public FromDefault {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(identity, "identity");
            answers = List.copyOf(answers);
        }

        @Override
        public Optional<CallerIdentity> actingAs() {
            return Optional.of(identity);
        }

        @Override
        public String toString() {
            return "FromDefault[" + identity.arn() + "]";
        }
    }

    /**
     * A plugin gave credentials, verified to act in the target account.
     *
     * @param plugin   the plugin's name
     * @param provider its refreshing provider (owned by the host)
     * @param verified who its credentials are, per STS GetCallerIdentity
     * @param answers  the answers of the plugins asked, the last one this plugin's {@link PluginAnswer.Provided}
     */
    record FromPlugin(String plugin, IdentityProvider<AwsCredentialsIdentity> provider, CallerIdentity verified,
            List<PluginAnswer> answers) implements Resolution {
        public FromPlugin {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(verified, "verified");
            answers = List.copyOf(answers);
        }

        @Override
        public Optional<CallerIdentity> actingAs() {
            return Optional.of(verified);
        }

        @Override
        public Optional<String> fromPlugin() {
            return Optional.of(plugin);
        }

        /** {@code name (reason)} of the plugins asked before this one. */
        public List<String> declined() {
            return answers.stream().filter(a -> !(a instanceof PluginAnswer.Provided)).map(PluginAnswer::reason).toList();
        }

        @Override
        public String toString() {
            return "FromPlugin[" + plugin + ", " + verified.arn() + ", declined=" + declined() + "]";
        }
    }

    /**
     * Nothing acts in the target account.
     *
     * @param account   the target account
     * @param caller    the default identity, empty when no credentials are configured
     * @param answers   what each plugin asked answered; empty when none was selected
     * @param available names of the plugins found, offered in the hint when none was selected
     */
    record None(String account, Optional<CallerIdentity> caller, List<PluginAnswer> answers, List<String> available)
            implements Resolution {
        public None {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(caller, "caller");
            answers = List.copyOf(answers);
            available = List.copyOf(available);
        }

        /** The complete, CDK-compatible user message with a hint. */
        public String message() {
            return NoCredentialsMessage.of(account, caller, answers.stream().map(PluginAnswer::reason).toList(),
                    available);
        }

        @Override
        public IdentityProvider<AwsCredentialsIdentity> provider() {
            throw new ToolkitException(ErrorCode.CREDENTIALS, message());
        }

        @Override
        public Optional<CallerIdentity> actingAs() {
            return Optional.empty();
        }
    }
}
