package io.cdkj.plugin.assumerole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One STS client per (STS region, source credentials), created on first use and closed by
 * {@link #close()}. A host asks for many accounts at once (cdkj works on up to 128 environments at a
 * time by default), all through the client of one region, so its connection pool holds
 * {@value #MAX_CONNECTIONS} connections rather than the SDK's default 50, which would make the
 * AssumeRole calls of the 51st and later accounts wait for a free connection. Each client calls the
 * regional STS endpoint of its region; endpoint overrides
 * come from the SDK's own configuration ({@code AWS_ENDPOINT_URL_STS}, {@code aws.endpointUrl}, …), so
 * the plugin has no endpoint logic. The SDK's default retry strategy applies (throttling and 5xx are
 * retried with backoff).
 *
 * <p>Thread-safe. Creating a client does no network I/O.
 */
final class StsClients implements AutoCloseable {

    /** Connections per client: enough for every account of a host's widest fan-out at once. */
    static final int MAX_CONNECTIONS = 256;

    private final Map<Key, StsClient> clients = new HashMap<>();
    private boolean closed;

    /**
     * The client for a region, calling STS as {@code sourceCredentials}. The caller must not close it.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    synchronized StsClient get(String region, IdentityProvider<? extends AwsCredentialsIdentity> sourceCredentials) {
        if (closed) {
            throw new IllegalStateException("the assume-role plugin has been closed");
        }
        return clients.computeIfAbsent(new Key(region, sourceCredentials), key -> StsClient.builder()
                .region(Region.of(key.region()))
                .credentialsProvider(key.sourceCredentials())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(MAX_CONNECTIONS))
                // Shows up in the target account's CloudTrail next to the session name.
                .overrideConfiguration(override -> override.putAdvancedOption(
                        SdkAdvancedClientOption.USER_AGENT_SUFFIX, "cdkj-assume-role"))
                .build());
    }

    /** How many clients exist, for tests. */
    synchronized int size() {
        return clients.size();
    }

    /** Closes every client; idempotent. */
    @Override
    public void close() {
        List<StsClient> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(clients.values());
            clients.clear();
        }
        toClose.forEach(StsClients::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing useful to do at the end of a command: the process is about to release it anyway.
        }
    }

    /** Source credentials compare by identity: two distinct host identities never share a client. */
    private record Key(String region, IdentityProvider<? extends AwsCredentialsIdentity> sourceCredentials) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.region.equals(region) && key.sourceCredentials == sourceCredentials;
        }

        @Override
        public int hashCode() {
            return region.hashCode() * 31 + System.identityHashCode(sourceCredentials);
        }
    }
}
