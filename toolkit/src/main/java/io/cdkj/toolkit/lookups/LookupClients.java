package io.cdkj.toolkit.lookups;

import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.cloudcontrol.CloudControlClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients for one lookup environment (account, region, credentials), created on first use
 * and shared by every lookup in that environment. The {@link AwsClientFactory} owns and closes them.
 *
 * <p>Thread-safe.
 */
public final class LookupClients {

    private final AwsClientFactory factory;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final AwsEnvironment environment;
    private SsmClient ssm;
    private Ec2Client ec2;
    private Route53Client route53;
    private KmsClient kms;
    private ElasticLoadBalancingV2Client elbv2;
    private CloudControlClient cloudControl;

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

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = factory.create(SsmClient.builder(), credentials, environment.region());
        }
        return ssm;
    }

    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = factory.create(Ec2Client.builder(), credentials, environment.region());
        }
        return ec2;
    }

    public synchronized Route53Client route53() {
        if (route53 == null) {
            route53 = factory.create(Route53Client.builder(), credentials, environment.region());
        }
        return route53;
    }

    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = factory.create(KmsClient.builder(), credentials, environment.region());
        }
        return kms;
    }

    public synchronized ElasticLoadBalancingV2Client elbv2() {
        if (elbv2 == null) {
            elbv2 = factory.create(ElasticLoadBalancingV2Client.builder(), credentials, environment.region());
        }
        return elbv2;
    }

    public synchronized CloudControlClient cloudControl() {
        if (cloudControl == null) {
            cloudControl = factory.create(CloudControlClient.builder(), credentials, environment.region());
        }
        return cloudControl;
    }
}
