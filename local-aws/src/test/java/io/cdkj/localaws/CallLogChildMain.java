package io.cdkj.localaws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Run by {@link AwsCallLogFileTest} in a separate JVM: assumes a role in args[1] and lists SSM parameters there. */
public final class CallLogChildMain {

  private CallLogChildMain() {
  }

  public static void main(String[] args) {
    URI endpoint = URI.create(args[0]);
    Credentials c;
    try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACHILDJVM00000000", "x")))
        .build()) {
      c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + args[1] + ":role/child").roleSessionName("child")).credentials();
    }
    try (SsmClient ssm = SsmClient.builder().endpointOverride(endpoint).region(Region.US_EAST_2)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
        .build()) {
      ssm.describeParameters();
      ssm.describeParameters();
    }
  }
}
