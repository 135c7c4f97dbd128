package io.cdkj.localaws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Seeds moto with data for context lookups in one account and region, through real SDK calls made
 * as a caller in that account ({@link MotoServer#callerIn(String)}), so lookups in one account never
 * see another's data.
 *
 * <pre>{@code
 * LocalAwsSeeder dev = LocalAwsSeeder.in(moto, "111111111111", "us-east-2");
 * dev.ssmParameter("/cdkj/sample/message", "hello from dev");
 * SeededVpc vpc = dev.vpc("10.1.0.0/16", "cdkj-sample");
 * }</pre>
 *
 * <p>Each method opens and closes its own client. Thread-safe (immutable).
 */
public final class LocalAwsSeeder {

  /** Tags CDK's VPC lookup reads to classify subnets. */
  static final String SUBNET_TYPE_TAG = "aws-cdk:subnet-type";
  static final String SUBNET_NAME_TAG = "aws-cdk:subnet-name";

  private final MotoServer moto;
  private final String account;
  private final Region region;
  private final AwsSessionCredentials caller;

  private LocalAwsSeeder(MotoServer moto, String account, Region region, AwsSessionCredentials caller) {
    this.moto = moto;
    this.account = account;
    this.region = region;
    this.caller = caller;
  }

  /** A seeder acting as {@code arn:aws:iam::<account>:role/cdkj-test-caller} in {@code region}. */
  public static LocalAwsSeeder in(MotoServer moto, String account, String region) {
    Objects.requireNonNull(moto, "moto");
    Objects.requireNonNull(region, "region");
    return new LocalAwsSeeder(moto, account, Region.of(region), moto.callerIn(account));
  }

  public String account() {
    return account;
  }

  public String region() {
    return region.id();
  }

  /** The caller's session credentials (act in {@link #account()}). */
  public AwsSessionCredentials credentials() {
    return caller;
  }

  /** Creates or overwrites a String SSM parameter; returns this seeder. */
  public LocalAwsSeeder ssmParameter(String name, String value) {
    try (SsmClient ssm = configure(SsmClient.builder()).build()) {
      ssm.putParameter(r -> r.name(name).value(value).type(ParameterType.STRING).overwrite(true));
    }
    return this;
  }

  /**
   * The region's availability zones as moto reports them. The first EC2 call in an account makes
   * moto build that account's EC2 backend (seconds), so this also warms the account up before timing.
   */
  public List<String> availabilityZones() {
    try (Ec2Client ec2 = configure(Ec2Client.builder()).build()) {
      return ec2.describeAvailabilityZones().availabilityZones().stream().map(AvailabilityZone::zoneName).toList();
    }
  }

  /** {@link #vpc(String, String)} named {@code cdkj-<cidr>}. */
  public SeededVpc vpc(String cidr) {
    return vpc(cidr, "cdkj-" + cidr.replace('/', '-'));
  }

  /**
   * A VPC tagged {@code Name=<name>} with a public and a private subnet in each of the region's
   * first two availability zones (the CIDR split in four). Subnets carry CDK's
   * {@code aws-cdk:subnet-type}/{@code aws-cdk:subnet-name} tags (Public/Private).
   */
  public SeededVpc vpc(String cidr, String name) {
    List<String> subnetCidrs = Cidrs.split(cidr, 4);
    try (Ec2Client ec2 = configure(Ec2Client.builder()).build()) {
      List<String> zones = ec2.describeAvailabilityZones().availabilityZones().stream()
          .map(AvailabilityZone::zoneName).sorted().limit(2).toList();
      if (zones.size() < 2) {
        throw new IllegalStateException("region " + region + " has fewer than 2 availability zones in moto: " + zones);
      }
      String vpcId = ec2.createVpc(r -> r.cidrBlock(cidr)
          .tagSpecifications(tags(ResourceType.VPC, Tag.builder().key("Name").value(name).build()))).vpc().vpcId();
      String igw = ec2.createInternetGateway(r -> r.tagSpecifications(
          tags(ResourceType.INTERNET_GATEWAY, Tag.builder().key("Name").value(name).build())))
          .internetGateway().internetGatewayId();
      ec2.attachInternetGateway(r -> r.vpcId(vpcId).internetGatewayId(igw));

      String publicTable = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
      ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));

      List<String> publicSubnets = new ArrayList<>();
      List<String> privateSubnets = new ArrayList<>();
      List<String> privateTables = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String zone = zones.get(i);
        String pub = subnet(ec2, vpcId, subnetCidrs.get(i), zone, name + "/Public" + (i + 1), "Public");
        ec2.modifySubnetAttribute(r -> r.subnetId(pub).mapPublicIpOnLaunch(b -> b.value(true)));
        ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(pub));
        publicSubnets.add(pub);

        String priv = subnet(ec2, vpcId, subnetCidrs.get(2 + i), zone, name + "/Private" + (i + 1), "Private");
        String privateTable = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(priv));
        privateSubnets.add(priv);
        privateTables.add(privateTable);
      }
      return new SeededVpc(vpcId, cidr, zones, publicSubnets, privateSubnets, publicTable, privateTables, igw);
    }
  }

  /** A public hosted zone for {@code domain}; returns its id without the {@code /hostedzone/} prefix (as the SDK reports zone ids). */
  public String hostedZone(String domain) {
    try (Route53Client route53 = configure(Route53Client.builder()).region(Region.AWS_GLOBAL).build()) {
      String id = route53.createHostedZone(r -> r.name(domain).callerReference(UUID.randomUUID().toString()))
          .hostedZone().id();
      return id.substring(id.lastIndexOf('/') + 1);
    }
  }

  /** Registers an AMI named {@code name} owned by {@link #account()}; returns its image id. */
  public String ami(String name) {
    try (Ec2Client ec2 = configure(Ec2Client.builder()).build()) {
      return ec2.registerImage(r -> r.name(name).architecture("x86_64").rootDeviceName("/dev/xvda")
          .virtualizationType("hvm")).imageId();
    }
  }

  @Override
  public String toString() {
    return "LocalAwsSeeder[" + account + ", " + region + "]";
  }

  private static String subnet(Ec2Client ec2, String vpcId, String cidr, String zone, String name, String type) {
    return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone)
        .tagSpecifications(tags(ResourceType.SUBNET,
            Tag.builder().key("Name").value(name).build(),
            Tag.builder().key(SUBNET_TYPE_TAG).value(type).build(),
            Tag.builder().key(SUBNET_NAME_TAG).value(type).build()))).subnet().subnetId();
  }

  private static TagSpecification tags(ResourceType type, Tag... tags) {
    return TagSpecification.builder().resourceType(type).tags(tags).build();
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(B builder) {
    return builder.endpointOverride(moto.endpoint()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(caller));
  }
}
