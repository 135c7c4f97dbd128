package io.cdkj.toolkit.aws;

/**
 * Substitutes the CloudFormation pseudo parameters that a cloud assembly leaves in role ARNs, bucket
 * names, repository names and object URLs: {@code ${AWS::Partition}}, {@code ${AWS::AccountId}},
 * {@code ${AWS::Region}} and {@code ${AWS::URLSuffix}}, each taken from the environment (partition and
 * URL suffix from the SDK's region metadata, so every partition is right). Stateless.
 */
public final class PseudoParameters {

    private PseudoParameters() {
    }

    /** {@code template} with the pseudo parameters of {@code environment} filled in. */
    public static String resolve(String template, AwsEnvironment environment) {
        if (!template.contains("${AWS::")) {
            return template;
        }
        String region = environment.region();
        return template.replace("${AWS::AccountId}", environment.account())
                .replace("${AWS::Region}", region)
                .replace("${AWS::Partition}", Partitions.ofRegion(region))
                .replace("${AWS::URLSuffix}", Partitions.urlSuffixOf(region));
    }
}
