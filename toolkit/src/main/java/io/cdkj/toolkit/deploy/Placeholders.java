package io.cdkj.toolkit.deploy;

import io.cdkj.toolkit.aws.AwsEnvironment;

/**
 * Substitutes the CloudFormation pseudo parameters the cloud assembly leaves in role ARNs, bucket
 * names and object URLs ({@code ${AWS::AccountId}}, {@code ${AWS::Region}}, {@code ${AWS::Partition}}).
 * Stateless.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code value} with the placeholders of {@code environment} filled in. */
    public static String resolve(String value, AwsEnvironment environment) {
        return value.replace("${AWS::AccountId}", environment.account())
                .replace("${AWS::Region}", environment.region())
                .replace("${AWS::Partition}", partition(environment.region()));
    }

    /** The partition of a region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, else {@code aws}. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** The S3 endpoint domain of a region, for template URLs. */
    static String s3UrlSuffix(String region) {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}
