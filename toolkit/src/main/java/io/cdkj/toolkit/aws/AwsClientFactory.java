package io.cdkj.toolkit.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The toolkit's SDK clients: one per (service, credentials, region), built on first request and then
 * shared by every caller — every lookup round, stack and verification with those credentials there —
 * all on one HTTP connection pool sized for the fan-out ({@link AwsConcurrency#maxConnections()}), each
 * with the deadlines of {@link AwsTimeouts}, and all closed at the end of the command. Endpoints come
 * from the SDK's own configuration ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>},
 * profiles), so the toolkit has no endpoint logic of its own. Credentials compare by identity: the
 * host hands out one provider per target, so equal targets share clients.
 *
 * <p>Thread-safe.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final AwsTimeouts timeouts;
    private final SdkHttpClient httpClient;
    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final List<AutoCloseable> created = new ArrayList<>();
    private boolean closed;

    /** A factory with the default {@link AwsTimeouts} and a pool for {@link AwsConcurrency#DEFAULT}. */
    public AwsClientFactory() {
        this(AwsTimeouts.DEFAULT, AwsConcurrency.DEFAULT.maxConnections());
    }

    /** A factory whose clients give up on AWS as {@code timeouts} say, with a pool for {@link AwsConcurrency#DEFAULT}. */
    public AwsClientFactory(AwsTimeouts timeouts) {
        this(timeouts, AwsConcurrency.DEFAULT.maxConnections());
    }

    /** A factory with the default {@link AwsTimeouts} whose clients share at most {@code maxConnections} connections. */
    public AwsClientFactory(int maxConnections) {
        this(AwsTimeouts.DEFAULT, maxConnections);
    }

    /**
     * A factory whose clients give up on AWS as {@code timeouts} say and share a pool of at most
     * {@code maxConnections} HTTP connections.
     */
    public AwsClientFactory(AwsTimeouts timeouts, int maxConnections) {
        this.timeouts = timeouts;
        this.httpClient = ApacheHttpClient.builder()
                .maxConnections(maxConnections)
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.attempt())
                .build();
    }

    /**
     * The client for (service, credentials, region), e.g.
     * {@code factory.create(SsmClient.builder(), credentials, "us-east-2")}: built from {@code builder}
     * the first time, the same client afterwards (the builder is then unused). The factory owns the
     * client: do not close it yourself.
     */
    public <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkClient> C create(
            B builder, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        Key key = new Key(builder.getClass(), credentials, region);
        SdkClient client = clients.computeIfAbsent(key, k -> build(builder, credentials, region));
        @SuppressWarnings("unchecked")
        C typed = (C) client;
        return typed;
    }

    /**
     * A client built like {@link #create}'s, on the same pool, but not kept or shared: for warming up
     * the SDK's classes and endpoint rules before real calls need them. The caller closes it.
     */
    public <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkClient> C detached(
            B builder, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        return configured(builder, credentials, region);
    }

    /** How many clients have been built, for tests. */
    public int size() {
        return clients.size();
    }

    private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkClient> C build(
            B builder, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        C client = configured(builder, credentials, region);
        synchronized (lock) {
            if (!closed) {
                created.add(client);
                return client;
            }
        }
        client.close();
        throw new IllegalStateException("AwsClientFactory is closed");
    }

    /** A client on the shared pool, with the deadlines of {@link AwsTimeouts}. */
    private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkClient> C configured(
            B builder, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        builder.httpClient(httpClient)
                .credentialsProvider(credentials)
                .region(Region.of(region));
        if (!(builder instanceof S3ClientBuilder)) {
            // An upload takes as long as its file needs; the socket timeout still catches one that stalls.
            builder.overrideConfiguration(o -> o.apiCallTimeout(timeouts.call()).apiCallAttemptTimeout(timeouts.attempt()));
        }
        return builder.build();
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(created);
            created.clear();
        }
        // Outside the lock: a client being built holds its map entry and then takes the lock.
        clients.clear();
        toClose.forEach(client -> IoUtils.closeQuietlyV2(client, null));
        httpClient.close();
    }

    /** Credentials compare by identity, so distinct providers never share a client. */
    private record Key(Class<?> builder, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.builder == builder && key.credentials == credentials
                    && key.region.equals(region);
        }

        @Override
        public int hashCode() {
            return (builder.hashCode() * 31 + System.identityHashCode(credentials)) * 31 + region.hashCode();
        }
    }
}
