package io.cdkj.localaws;

import java.util.Map;

/**
 * The walkthrough's accounts and seed data: dev 111111111111/us-east-2 and prod
 * 333333333333/us-east-1 each with their own {@value #PARAMETER_NAME} value and VPC tagged
 * {@code Name=}{@value #VPC_NAME}, reached from a shared-services pipeline caller in 222222222222.
 * Stateless.
 */
public final class Walkthrough {

  public static final String SHARED_SERVICES_ACCOUNT = "222222222222";
  public static final String DEV_ACCOUNT = "111111111111";
  public static final String DEV_REGION = "us-east-2";
  public static final String PROD_ACCOUNT = "333333333333";
  public static final String PROD_REGION = "us-east-1";
  /** The role the pipeline's identity is obtained through, from moto's default account. */
  public static final String PIPELINE_ROLE_ARN = "arn:aws:iam::" + SHARED_SERVICES_ACCOUNT + ":role/pipeline";
  public static final String PARAMETER_NAME = "/cdkj/sample/message";
  public static final String VPC_NAME = "cdkj-sample";
  /** Parameter value per account. */
  public static final Map<String, String> MESSAGES = Map.of(
      DEV_ACCOUNT, "hello from dev (" + DEV_ACCOUNT + ")",
      PROD_ACCOUNT, "hello from prod (" + PROD_ACCOUNT + ")");
  /** VPC CIDR per account. */
  public static final Map<String, String> VPC_CIDRS = Map.of(DEV_ACCOUNT, "10.1.0.0/16", PROD_ACCOUNT, "10.3.0.0/16");

  private Walkthrough() {
  }

  /** Seeds both target accounts (SSM parameter + VPC each); returns the VPCs by account. */
  public static Map<String, SeededVpc> seed(MotoServer moto) {
    return Map.of(
        DEV_ACCOUNT, seedAccount(moto, DEV_ACCOUNT, DEV_REGION),
        PROD_ACCOUNT, seedAccount(moto, PROD_ACCOUNT, PROD_REGION));
  }

  private static SeededVpc seedAccount(MotoServer moto, String account, String region) {
    LocalAwsSeeder seeder = LocalAwsSeeder.in(moto, account, region);
    seeder.ssmParameter(PARAMETER_NAME, MESSAGES.get(account));
    return seeder.vpc(VPC_CIDRS.get(account), VPC_NAME);
  }
}
