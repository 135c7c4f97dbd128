package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.aws.AwsClientFactory;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Warms the AWS SDK up without a network call, so the first lookup round does not pay for it: in a
 * fresh JVM building the first client costs most of a second of CPU (class loading, service models,
 * endpoint rules), more than a round's network time at 100 ms per call. It builds — and closes — the
 * clients a round needs first: STS for the credentials, SSM and EC2 for the commonest lookups. Meant to
 * run while the app's first run is under way (see {@code synth.Synthesis}). No request is made, so
 * nothing is signed, sent or counted.
 *
 * <p>Stateless and thread-safe.
 */
public final class SdkWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SdkWarmUp.class);

    private SdkWarmUp() {
    }

    /** Builds and closes clients for {@code region} on {@code factory}'s pool; never throws. */
    public static void run(AwsClientFactory factory, String region) {
        Objects.requireNonNull(factory, "factory");
        AnonymousCredentialsProvider nobody = AnonymousCredentialsProvider.create();
        try {
            factory.detached(StsClient.builder(), nobody, region).close();
            factory.detached(SsmClient.builder(), nobody, region).close();
            factory.detached(Ec2Client.builder(), nobody, region).close();
        } catch (RuntimeException e) {
            LOG.debug("SDK warm-up failed (the lookups will warm it up themselves)", e);
        }
    }
}
