package io.cdkj.toolkit.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The default identity's account for the app's {@code CDK_DEFAULT_ACCOUNT}, learned without an AWS call
 * whenever possible, so a synth whose context is complete makes none: the web identity role of a CI job
 * ({@code AWS_ROLE_ARN} with {@code AWS_WEB_IDENTITY_TOKEN_FILE}, when no static keys come first) names
 * its account; otherwise the credentials' access key id is looked up in the {@link AccountCache}, and
 * only a key seen for the first time costs the default identity's one GetCallerIdentity. No credentials
 * configured ({@link CredentialSources}), or credentials STS refuses, leave the variable unset, as in
 * the Node CDK CLI.
 *
 * <p>Thread-safe: the answer is computed once.
 */
public final class DefaultAccount {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccount.class);

    private final DefaultIdentity identity;
    private final Map<String, String> environment;
    private final AccountCache cache;
    private final Path home;
    private Optional<String> account;

    /**
     * @param environment the process environment (where a web identity is configured)
     * @param home        the home directory (where the cache lives)
     */
    public DefaultAccount(DefaultIdentity identity, Map<String, String> environment, Path home) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.environment = Map.copyOf(environment);
        this.cache = AccountCache.in(home);
        this.home = home;
    }

    /** The account, or empty when there are no usable credentials. */
    public synchronized Optional<String> account() {
        if (account == null) {
            account = learn();
        }
        return account;
    }

    private Optional<String> learn() {
        Optional<String> configured = webIdentityAccount();
        if (configured.isPresent()) {
            return configured;
        }
        if (!CredentialSources.configured(environment, home, identity.profileName())) {
            return Optional.empty();
        }
        AwsCredentials credentials;
        try {
            credentials = identity.provider().resolveCredentials();
        } catch (SdkException e) {
            LOG.debug("No default credentials for CDK_DEFAULT_ACCOUNT: {}", e.getMessage());
            return Optional.empty();
        }
        Optional<String> cached = cache.account(credentials.accessKeyId());
        if (cached.isPresent()) {
            return cached;
        }
        try {
            Optional<String> learned = identity.callerIdentity().map(CallerIdentity::account);
            learned.ifPresent(a -> cache.remember(credentials.accessKeyId(), a));
            return learned;
        } catch (RuntimeException e) {
            LOG.debug("CDK_DEFAULT_ACCOUNT left unset: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The account of the web identity role, when the SDK default chain would use it (no profile, no static keys). */
    private Optional<String> webIdentityAccount() {
        // static keys (system properties, then the environment) come before a web identity in the SDK's chain
        String propertyKey = System.getProperty("aws.accessKeyId");
        if (identity.profileName().isPresent() || (propertyKey != null && !propertyKey.isBlank())
                || present("AWS_ACCESS_KEY_ID")
                || !present("AWS_WEB_IDENTITY_TOKEN_FILE") || !present("AWS_ROLE_ARN")) {
            return Optional.empty();
        }
        try {
            return Arn.fromString(environment.get("AWS_ROLE_ARN")).accountId();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean present(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
