package io.cdkj.plugin.assumerole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Decision;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * What the plugin says on dry runs: the role ARN and session name {@code getProvider} would assume, in
 * every partition, without a network call (the contract test proves no request leaves the plugin).
 */
class AssumeRolePluginDescribeTest {

    private static final String ACCOUNT = "444455556666";

    private final CountingIdentityProvider base = CountingIdentityProvider.dummy();
    private final AssumeRolePlugin plugin = new AssumeRolePlugin();

    @AfterEach
    void closePlugin() {
        plugin.close();
        assertThat(base.resolutions()).as("base credentials resolved").isZero();
    }

    /** A request as the host builds it: the partition comes from the SDK's region metadata. */
    private CredentialRequest request(String region, Mode mode, Map<String, ?> context) {
        return CredentialRequest.builder()
                .account(ACCOUNT).region(region).partition(PartitionMetadata.of(Region.of(region)).id()).mode(mode)
                .configuration(Configuration.of(context, Map.of()))
                .baseCredentials(base)
                .callerArn(Requests.PIPELINE_ARN)
                .build();
    }

    private String describe(CredentialRequest request) {
        assertThat(plugin.canProvideCredentials(request)).isEqualTo(Decision.provide());
        return plugin.describe(request).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "us-east-2,      aws",
        "cn-north-1,     aws-cn",
        "us-gov-west-1,  aws-us-gov",
        "us-iso-east-1,  aws-iso",
        "us-isob-east-1, aws-iso-b",
    })
    void describe_readMode_namesTheLookupRoleInTheRegionsPartition(String region, String partition) {
        assertThat(describe(request(region, Mode.READ, Map.of())))
                .isEqualTo("assume arn:" + partition + ":iam::444455556666:role/cdk-readOnlyRole as session cdkj-read-ci-job-42");
    }

    @ParameterizedTest
    @CsvSource({
        "us-east-2,      aws",
        "cn-north-1,     aws-cn",
        "us-gov-west-1,  aws-us-gov",
        "us-iso-east-1,  aws-iso",
        "us-isob-east-1, aws-iso-b",
    })
    void describe_roleArnTemplate_expandsEveryPlaceholder(String region, String partition) {
        Map<String, Object> context = Map.of(
                "assume-role-credentials:writeRoleArn", "arn:{PARTITION}:iam::{ACCOUNT_ID}:role/deploy-{REGION}");

        assertThat(describe(request(region, Mode.WRITE, context))).isEqualTo("assume arn:" + partition
                + ":iam::444455556666:role/deploy-" + region + " as session cdkj-write-ci-job-42");
    }

    @Test
    void describe_externalId_saysItIsSetButNeverShowsIt() {
        String description = describe(request("cn-north-1", Mode.READ, Map.of(
                "assume-role-credentials:externalId", "tenant-7-secret-id",
                "assume-role-credentials:roleSessionName", "release-42")));

        assertThat(description).isEqualTo("assume arn:aws-cn:iam::444455556666:role/cdk-readOnlyRole as session release-42"
                + " with an external ID (18 characters)");
        assertThat(description).doesNotContain("tenant-7-secret-id");
    }

    @Test
    void describe_perAccountRoleName_usesTheSameSettingsAsGetProvider() {
        Map<String, Object> context = Map.of("assume-role-credentials:accounts",
                Map.of(ACCOUNT, Map.of("readIamRoleName", "team/lookup-{REGION}")));

        assertThat(describe(request("us-iso-east-1", Mode.READ, context)))
                .startsWith("assume arn:aws-iso:iam::444455556666:role/team/lookup-us-iso-east-1 as session ");
    }

    @Test
    void describe_withoutCallerArn_usesTheModeAsSessionName() {
        CredentialRequest request = request("us-east-2", Mode.WRITE, Map.of()).toBuilder().callerArn(null).build();

        assertThat(describe(request)).isEqualTo("assume arn:aws:iam::444455556666:role/cdk-writeRole as session cdkj-write");
    }

    @Test
    void describe_declinedAccount_throwsWithTheDeclineReason() {
        CredentialRequest request = request("us-east-2", Mode.READ,
                Map.of("assume-role-credentials:allowedAccounts", List.of(Requests.DEV)));

        assertThatThrownBy(() -> plugin.describe(request))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessage("account 444455556666 is not in assume-role-credentials:allowedAccounts (111111111111)");
    }
}
