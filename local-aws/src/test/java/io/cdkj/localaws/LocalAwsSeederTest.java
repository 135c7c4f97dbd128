package io.cdkj.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

@ExtendWith(MotoExtension.class)
class LocalAwsSeederTest {

  private static final String DEV = "111111111111";
  private static final String PROD = "333333333333";
  private static SeededVpc devVpc;
  private static String devZone;
  private static String devAmi;

  @BeforeAll
  static void seed(MotoServer moto) {
    moto.reset();
    LocalAwsSeeder dev = LocalAwsSeeder.in(moto, DEV, "us-east-2");
    dev.ssmParameter("/cdkj/sample/message", "hello from dev");
    devVpc = dev.vpc("10.1.0.0/16", "cdkj-sample");
    devZone = dev.hostedZone("dev.example.com");
    devAmi = dev.ami("cdkj-sample-ami");
    LocalAwsSeeder.in(moto, PROD, "us-east-1").ssmParameter("/cdkj/sample/message", "hello from prod");
  }

  @Test
  void ssmParameter_perAccount_eachAccountSeesItsOwnValue(MotoServer moto) {
    assertThat(parameter(moto, moto.callerIn(DEV), "us-east-2")).isEqualTo("hello from dev");
    assertThat(parameter(moto, moto.callerIn(PROD), "us-east-1")).isEqualTo("hello from prod");
  }

  @Test
  void ssmParameter_devOnlyRegion_invisibleFromOtherAccountInSameRegion(MotoServer moto) {
    assertThatThrownBy(() -> parameter(moto, moto.callerIn(PROD), "us-east-2"))
        .isInstanceOf(ParameterNotFoundException.class);
  }

  @Test
  void vpc_twoZones_publicSubnetsRouteToInternetGatewayPrivateOnesDoNot(MotoServer moto) {
    try (Ec2Client ec2 = ec2(moto, moto.callerIn(DEV), "us-east-2")) {
      // then: four subnets across two zones, tagged for CDK's lookup
      List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(vpcFilter())).subnets();
      assertThat(subnets).hasSize(4);
      assertThat(subnets).extracting(Subnet::availabilityZone).containsOnly("us-east-2a", "us-east-2b");
      assertThat(devVpc.availabilityZones()).containsExactly("us-east-2a", "us-east-2b");
      assertThat(ec2.describeSubnets(r -> r.filters(vpcFilter(),
          Filter.builder().name("tag:aws-cdk:subnet-type").values("Public").build())).subnets())
          .extracting(Subnet::subnetId).containsExactlyInAnyOrderElementsOf(devVpc.publicSubnetIds());

      RouteTable publicTable = routeTable(ec2, devVpc.publicRouteTableId());
      assertThat(publicTable.routes()).anySatisfy(route -> {
        assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
        assertThat(route.gatewayId()).isEqualTo(devVpc.internetGatewayId());
      });
      assertThat(publicTable.associations()).extracting(a -> a.subnetId())
          .containsAll(devVpc.publicSubnetIds());
      for (int i = 0; i < 2; i++) {
        RouteTable privateTable = routeTable(ec2, devVpc.privateRouteTableIds().get(i));
        assertThat(privateTable.routes()).noneSatisfy(route ->
            assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0"));
        assertThat(privateTable.associations()).extracting(a -> a.subnetId())
            .contains(devVpc.privateSubnetIds().get(i));
      }
    }
  }

  @Test
  void vpc_seededInDev_invisibleFromProd(MotoServer moto) {
    try (Ec2Client ec2 = ec2(moto, moto.callerIn(PROD), "us-east-2")) {
      assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values("cdkj-sample").build()))
          .vpcs()).isEmpty();
    }
  }

  @Test
  void hostedZone_seededInDev_listedOnlyInDev(MotoServer moto) {
    assertThat(zones(moto, moto.callerIn(DEV))).extracting(HostedZone::id)
        .anySatisfy(id -> assertThat(id).endsWith(devZone));
    assertThat(zones(moto, moto.callerIn(PROD))).extracting(HostedZone::name).doesNotContain("dev.example.com.");
  }

  @Test
  void ami_seededInDev_ownedByDevAndInvisibleFromProd(MotoServer moto) {
    try (Ec2Client ec2 = ec2(moto, moto.callerIn(DEV), "us-east-2")) {
      List<Image> images = ec2.describeImages(r -> r.owners("self")
          .filters(Filter.builder().name("name").values("cdkj-sample-ami").build())).images();
      assertThat(images).extracting(Image::imageId).containsExactly(devAmi);
      assertThat(images.get(0).ownerId()).isEqualTo(DEV);
    }
    try (Ec2Client ec2 = ec2(moto, moto.callerIn(PROD), "us-east-2")) {
      assertThat(ec2.describeImages(r -> r.filters(Filter.builder().name("name").values("cdkj-sample-ami").build()))
          .images()).isEmpty();
    }
  }

  @Test
  void cidrs_split_fourEqualBlocks() {
    assertThat(Cidrs.split("10.1.0.0/16", 4))
        .containsExactly("10.1.0.0/18", "10.1.64.0/18", "10.1.128.0/18", "10.1.192.0/18");
    assertThatThrownBy(() -> Cidrs.split("10.1.0.0", 4)).hasMessageContaining("'10.1.0.0'");
  }

  private static Filter vpcFilter() {
    return Filter.builder().name("vpc-id").values(devVpc.vpcId()).build();
  }

  private static RouteTable routeTable(Ec2Client ec2, String id) {
    return ec2.describeRouteTables(r -> r.routeTableIds(id)).routeTables().get(0);
  }

  private static String parameter(MotoServer moto, AwsCredentials caller, String region) {
    try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(caller)).build()) {
      return ssm.getParameter(r -> r.name("/cdkj/sample/message")).parameter().value();
    }
  }

  private static Ec2Client ec2(MotoServer moto, AwsCredentials caller, String region) {
    return Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(caller)).build();
  }

  private static List<HostedZone> zones(MotoServer moto, AwsCredentials caller) {
    try (Route53Client route53 = Route53Client.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(StaticCredentialsProvider.create(caller)).build()) {
      return route53.listHostedZones().hostedZones();
    }
  }
}
