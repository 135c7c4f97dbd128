package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.cloudcontrol.CloudControlClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients for one lookup environment (account, region, credentials), each created on first use
 * and shared by every lookup in that environment. The {@link AwsClientFactory} owns and closes them.
 *
 * <p>Thread-safe.
 */
public final class LookupClients {

    private final AwsClientFactory factory;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final AwsEnvironment environment;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

    public LookupClients(AwsClientFactory factory, IdentityProvider<? extends AwsCredentialsIdentity> credentials,
                         AwsEnvironment environment) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Where these clients act. */
    public AwsEnvironment environment() {
        return environment;
    }

    public SsmClient ssm() {
        return client(SsmClient.class, SsmClient::builder);
    }

    public Ec2Client ec2() {
        return client(Ec2Client.class, Ec2Client::builder);
    }

    public Route53Client route53() {
        return client(Route53Client.class, Route53Client::builder);
    }

    public KmsClient kms() {
        return client(KmsClient.class, KmsClient::builder);
    }

    public ElasticLoadBalancingV2Client elbv2() {
        return client(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder);
    }

    public CloudControlClient cloudControl() {
        return client(CloudControlClient.class, CloudControlClient::builder);
    }

    private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkClient> C client(
            Class<C> type, Supplier<B> builder) {
        return type.cast(clients.computeIfAbsent(type, t -> factory.create(builder.get(), credentials,
                environment.region())));
    }
}
