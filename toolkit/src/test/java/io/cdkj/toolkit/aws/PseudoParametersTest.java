package io.cdkj.toolkit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PseudoParametersTest {

    private static final String TEMPLATE = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x-${AWS::Region} "
            + "https://s3.${AWS::Region}.${AWS::URLSuffix}/b";

    @ParameterizedTest
    @CsvSource({
        "us-east-2,      aws,        amazonaws.com",
        "cn-north-1,     aws-cn,     amazonaws.com.cn",
        "us-gov-west-1,  aws-us-gov, amazonaws.com",
        "us-iso-east-1,  aws-iso,    c2s.ic.gov",
        "us-isob-east-1, aws-iso-b,  sc2s.sgov.gov"
    })
    void resolve_everyPartition_takesPartitionAndUrlSuffixFromTheRegionMetadata(String region, String partition,
            String suffix) {
        AwsEnvironment environment = new AwsEnvironment("444455556666", region);

        assertThat(PseudoParameters.resolve(TEMPLATE, environment)).isEqualTo("arn:" + partition
                + ":iam::444455556666:role/x-" + region + " https://s3." + region + "." + suffix + "/b");
        assertThat(Partitions.ofRegion(region)).isEqualTo(partition);
        assertThat(Partitions.urlSuffixOf(region)).isEqualTo(suffix);
    }

    @Test
    void resolve_withoutPlaceholders_returnsTheValueAsItIs() {
        assertThat(PseudoParameters.resolve("my-bucket", new AwsEnvironment("111111111111", "us-east-1")))
                .isEqualTo("my-bucket");
    }

}
