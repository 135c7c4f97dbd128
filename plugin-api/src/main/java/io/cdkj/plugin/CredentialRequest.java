package io.cdkj.plugin;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * What the host asks a plugin for: credentials that act in {@link #account()} for {@link #mode()}.
 *
 * <p>A request is immutable and thread-safe. It is built by the host; plugins only read it. New
 * fields may be added in later versions of the API (with accessors), which is why this is a class
 * with a builder rather than a record.
 */
public final class CredentialRequest {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String account;
    private final String region;
    private final String partition;
    private final Mode mode;
    private final Configuration configuration;
    private final IdentityProvider<AwsCredentialsIdentity> baseCredentials;
    private final String callerArn;

    private CredentialRequest(Builder builder) {
        this.account = Objects.requireNonNull(builder.account, "account");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be a 12-digit AWS account id, got '" + account + "'");
        }
        this.region = requireNonBlank(builder.region, "region");
        this.partition = requireNonBlank(builder.partition, "partition");
        this.mode = Objects.requireNonNull(builder.mode, "mode");
        this.configuration = Objects.requireNonNull(builder.configuration, "configuration");
        this.baseCredentials = Objects.requireNonNull(builder.baseCredentials, "baseCredentials");
        this.callerArn = builder.callerArn;
    }

    /** A new builder. Required: account, region, partition, mode, baseCredentials. */
    public static Builder builder() {
        return new Builder();
    }

    /** The 12-digit id of the account the credentials must act in. Never null. */
    public String account() {
        return account;
    }

    /** The region of the stack's environment, e.g. {@code us-east-2}. Never null. */
    public String region() {
        return region;
    }

    /**
     * The partition of {@link #region()}, e.g. {@code aws}, {@code aws-cn}, {@code aws-us-gov},
     * taken by the host from the SDK's region metadata. Never null.
     */
    public String partition() {
        return partition;
    }

    /** What the credentials will be used for. Never null. */
    public Mode mode() {
        return mode;
    }

    /** The app's context and the environment, read-only. Never null. */
    public Configuration configuration() {
        return configuration;
    }

    /**
     * The host's own credentials (the SDK default chain, or the {@code --profile} the user chose):
     * what a plugin should use as the source identity, e.g. to call STS AssumeRole. The host owns
     * and closes it; a plugin must not close it, and must not resolve it before
     * {@link CredentialProviderSource#getProvider(CredentialRequest)}. Never null.
     */
    public IdentityProvider<AwsCredentialsIdentity> baseCredentials() {
        return baseCredentials;
    }

    /**
     * The ARN of the host's current identity, when the host already knows it (it learns it with one
     * STS GetCallerIdentity call per process). Useful in error messages: "caller ... may not assume
     * role ...".
     */
    public Optional<String> callerArn() {
        return Optional.ofNullable(callerArn);
    }

    /** A builder seeded with this request's values, e.g. to derive a request for another mode. */
    public Builder toBuilder() {
        return new Builder()
                .account(account)
                .region(region)
                .partition(partition)
                .mode(mode)
                .configuration(configuration)
                .baseCredentials(baseCredentials)
                .callerArn(callerArn);
    }

    @Override
    public String toString() {
        return "CredentialRequest[account=" + account + ", region=" + region + ", partition=" + partition
                + ", mode=" + mode + "]";
    }

    private static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Builds a {@link CredentialRequest}. Not thread-safe. */
    public static final class Builder {
        private String account;
        private String region;
        private String partition;
        private Mode mode;
        private Configuration configuration = Configuration.empty();
        private IdentityProvider<AwsCredentialsIdentity> baseCredentials;
        private String callerArn;

        private Builder() {
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder partition(String partition) {
            this.partition = partition;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder configuration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder baseCredentials(IdentityProvider<AwsCredentialsIdentity> baseCredentials) {
            this.baseCredentials = baseCredentials;
            return this;
        }

        /** Optional. */
        public Builder callerArn(String callerArn) {
            this.callerArn = callerArn;
            return this;
        }

        /** @throws IllegalArgumentException or NullPointerException naming the missing or invalid field */
        public CredentialRequest build() {
            return new CredentialRequest(this);
        }
    }
}
