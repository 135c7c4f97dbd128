package io.cdkj.toolkit.aws;

import java.util.ArrayList;
import java.util.List;
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
 * Builds the toolkit's SDK clients on one shared HTTP connection pool, each with the deadlines of
 * {@link AwsTimeouts}, and closes them all at the end of the command. Endpoints come from the SDK's own configuration ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, profiles), so the toolkit has no endpoint logic of its own.
 *
 * <p>Thread-safe.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final AwsTimeouts timeouts;
    private final SdkHttpClient httpClient;
    private final List<AutoCloseable> created = new ArrayList<>();
    private boolean closed;

    /** A factory with the default {@link AwsTimeouts}. */
    public AwsClientFactory() {
        this(AwsTimeouts.DEFAULT);
    }

    /** A factory whose clients give up on AWS as {@code timeouts} say. */
    public AwsClientFactory(AwsTimeouts timeouts) {
        this.timeouts = timeouts;
        this.httpClient = ApacheHttpClient.builder()
                .maxConnections(64)
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.attempt())
                .build();
    }

    /**
     * Builds a client, e.g. {@code factory.create(SsmClient.builder(), credentials, "us-east-2")}.
     * The factory owns the client: do not close it yourself.
     */
    public <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkClient> C create(
            B builder, IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        builder.httpClient(httpClient)
                .credentialsProvider(credentials)
                .region(Region.of(region));
        if (!(builder instanceof S3ClientBuilder)) {
            // An upload takes as long as its file needs; the socket timeout still catches one that stalls.
            builder.overrideConfiguration(o -> o.apiCallTimeout(timeouts.call()).apiCallAttemptTimeout(timeouts.attempt()));
        }
        C client = builder.build();
        synchronized (this) {
            if (closed) {
                client.close();
                throw new IllegalStateException("AwsClientFactory is closed");
            }
            created.add(client);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        created.forEach(client -> IoUtils.closeQuietlyV2(client, null));
        created.clear();
        httpClient.close();
    }
}
