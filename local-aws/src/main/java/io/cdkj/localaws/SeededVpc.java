package io.cdkj.localaws;

import java.util.List;

/**
 * Ids of a VPC created by {@link LocalAwsSeeder#vpc(String, String)}; index i of each list is the
 * subnet (or its route table) in {@code availabilityZones().get(i)}.
 *
 * @param vpcId the VPC
 * @param cidr the VPC's CIDR block
 * @param availabilityZones the two zones used, in order
 * @param publicSubnetIds public subnets (route 0.0.0.0/0 to the internet gateway, public IPs on launch)
 * @param privateSubnetIds private subnets (own route table with only the local route: no NAT)
 * @param publicRouteTableId the route table shared by the public subnets
 * @param privateRouteTableIds one route table per private subnet
 * @param internetGatewayId the attached internet gateway
 */
public record SeededVpc(String vpcId, String cidr, List<String> availabilityZones, List<String> publicSubnetIds,
    List<String> privateSubnetIds, String publicRouteTableId, List<String> privateRouteTableIds,
    String internetGatewayId) {

  public SeededVpc {
    availabilityZones = List.copyOf(availabilityZones);
    publicSubnetIds = List.copyOf(publicSubnetIds);
    privateSubnetIds = List.copyOf(privateSubnetIds);
    privateRouteTableIds = List.copyOf(privateRouteTableIds);
  }
}
