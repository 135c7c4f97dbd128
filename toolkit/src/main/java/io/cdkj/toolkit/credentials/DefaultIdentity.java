package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsFailure;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The host's own credentials: the SDK default chain, or a named profile (docs/ARCHITECTURE.md,
 * "Credential resolution").
 * Learns their account with one STS GetCallerIdentity, the first time anyone asks, and remembers
 * the answer (or the failure) for the rest of the process.
 *
 * <p>Thread-safe: concurrent callers of {@link #callerIdentity()} wait for the one STS call.
 */
public final class DefaultIdentity implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultIdentity.class);

    private final AwsCredentialsProvider provider;
    private final Optional<String> profile;
    private final AwsClientFactory clients;
    private final String region;
    private final Object lock = new Object();
    private Optional<CallerIdentity> identity;
    private RuntimeException failure;

    DefaultIdentity(AwsCredentialsProvider provider, Optional<String> profile, AwsClientFactory clients, String region) {
        this.provider = new SecretRememberingProvider(provider);
        this.profile = profile;
        this.clients = clients;
        this.region = region;
    }

    /**
     * The default chain (a fresh instance, not the SDK's shared singleton, so closing it here closes
     * nothing another component uses), or {@code profile} when given.
     *
     * @param region where GetCallerIdentity is sent
     * @throws ToolkitException {@link ErrorCode#CREDENTIALS} when {@code profile} does not exist
     */
    public static DefaultIdentity create(Optional<String> profile, Map<String, String> env, Path home,
            AwsClientFactory clients, String region) {
        if (profile.isPresent()) {
            ProfileFiles.requireProfile(profile.get(), env, home);
            AwsCredentialsProvider provider = ProfileCredentialsProvider.builder()
                    .profileFile(() -> ProfileFiles.load(env, home))
                    .profileName(profile.get())
                    .build();
            return new DefaultIdentity(provider, profile, clients, region);
        }
        AwsCredentialsProvider provider = DefaultCredentialsProvider.builder()
                .profileFile(() -> ProfileFiles.load(env, home))
                .profileName(ProfileFiles.profileName(env, Optional.empty()))
                .build();
        return new DefaultIdentity(provider, Optional.empty(), clients, region);
    }

    /** The credentials; owned by this object (do not close). */
    public AwsCredentialsProvider provider() {
        return provider;
    }

    /** The profile given with {@code --profile} (or cdk.json), if any; empty for the default chain. */
    public Optional<String> profileName() {
        return profile;
    }

    /** Where the credentials come from, for messages: {@code profile 'ci'} or the default chain. */
    public String description() {
        return profile.map(name -> "profile '" + name + "'").orElse("the AWS SDK default credential chain");
    }

    /**
     * Who the credentials are: one STS GetCallerIdentity per process, made on the first call.
     *
     * @return empty when no credentials are configured at all
     * @throws ToolkitException {@link ErrorCode#CREDENTIALS} when credentials exist but STS rejects them
     */
    public Optional<CallerIdentity> callerIdentity() {
        synchronized (lock) {
            if (identity == null && failure == null) {
                try {
                    identity = lookUp();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return identity;
        }
    }

    private Optional<CallerIdentity> lookUp() {
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            if (profile.isPresent()) {
                // A profile the user named must work; the default chain may legitimately have nothing.
                throw new ToolkitException(ErrorCode.CREDENTIALS, "Could not get credentials from " + description()
                        + ": " + e.getMessage(), e);
            }
            LOG.info("No default credentials: {}", e.getMessage());
            return Optional.empty();
        }
        try {
            GetCallerIdentityResponse response = clients.create(StsClient.builder(), provider, region).getCallerIdentity();
            CallerIdentity caller = new CallerIdentity(response.account(), response.arn());
            LOG.info("Default credentials ({}) act as {}", description(), caller.arn());
            return Optional.of(caller);
        } catch (SdkException e) {
            // The fix depends on why: expired credentials want refreshing, a throttled or stalled STS does not.
            AwsFailure kind = AwsFailure.of(e);
            throw new ToolkitException(kind.errorCode(ErrorCode.CREDENTIALS), "Could not identify the credentials from "
                    + description() + " with STS GetCallerIdentity in " + region + ": "
                    + AwsErrors.describe(e).replaceFirst("\\.+$", "") + ". "
                    + kind.advice("STS", "Check that they are valid and not expired."), e);
        }
    }

    @Override
    public void close() {
        Closeables.closeQuietly(provider);
    }

    @Override
    public String toString() {
        return "DefaultIdentity[" + description() + "]";
    }
}
