package io.cdkj.plugin.assumerole;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static io.cdkj.plugin.assumerole.Requests.DEV;
import static io.cdkj.plugin.assumerole.Requests.PIPELINE_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * What moto cannot do, with STS's real error bodies served by WireMock: trust failures, throttling,
 * rejected source credentials, and checking the exact AssumeRole parameters sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssumeRolePluginStsFaultTest {

    private static final String READ_ROLE = "arn:aws:iam::111111111111:role/cdk-readOnlyRole";
    private static final String CALLER_SECRET = "callerSecretNotReal0000000000000000000000";

    private WireMockAws sts;
    private AwsSystemProperties endpoint;
    private AssumeRolePlugin plugin;

    @BeforeAll
    void startWireMock() {
        sts = WireMockAws.start();
        endpoint = AwsSystemProperties.endpoint(sts.endpoint(), "us-east-1");
    }

    @AfterAll
    void stopWireMock() {
        endpoint.close();
        sts.close();
    }

    @BeforeEach
    void freshPlugin() {
        sts.reset();
        plugin = new AssumeRolePlugin();
    }

    @AfterEach
    void closePlugin() {
        plugin.close();
    }

    private static CredentialRequest request(Map<String, ?> context) {
        return CredentialRequest.builder()
                .account(DEV).region("us-east-2").partition("aws").mode(Mode.READ)
                .configuration(Configuration.of(context, Map.of()))
                .baseCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPIPELINE", CALLER_SECRET)))
                .callerArn(PIPELINE_ARN)
                .build();
    }

    @Test
    void getProvider_accessDenied_namesRoleAccountCallerFixAndCode() {
        sts.stubAssumeRoleAccessDenied(READ_ROLE, PIPELINE_ARN);

        assertThatThrownBy(() -> plugin.getProvider(request(Map.of())))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining("could not assume " + READ_ROLE)
                .hasMessageContaining("account 111111111111")
                .hasMessageContaining("as " + PIPELINE_ARN)
                .hasMessageContaining("STS error AccessDenied")
                .hasMessageContaining("deploy required-resources into 111111111111 so the role exists and trusts 222222222222")
                .hasMessageContaining("or set assume-role-credentials:readIamRoleName")
                .hasMessageNotContaining(CALLER_SECRET);
        assertThat(sts.requestsFor("AssumeRole")).as("AccessDenied is not retried").isEqualTo(1);
    }

    @Test
    void getProvider_accessDeniedOnConfiguredRole_pointsAtTheKeyThatChoseIt() {
        String role = "arn:aws:iam::111111111111:role/team-lookup";
        sts.stubAssumeRoleAccessDenied(role, PIPELINE_ARN);

        assertThatThrownBy(() -> plugin.getProvider(request(Map.of(
                "assume-role-credentials:accounts", Map.of(DEV, Map.of("readRoleArn", role)),
                "assume-role-credentials:externalId", "tenant-7"))))
                .hasMessageContaining("or set assume-role-credentials:accounts.111111111111.readRoleArn")
                .hasMessageContaining("expects the configured external ID")
                .hasMessageNotContaining("tenant-7");
    }

    @Test
    void getProvider_accessDeniedWithoutKnownCaller_saysCurrentCredentials() {
        sts.stubAssumeRoleAccessDenied(READ_ROLE, PIPELINE_ARN);
        CredentialRequest request = request(Map.of()).toBuilder().callerArn(null).build();

        assertThatThrownBy(() -> plugin.getProvider(request))
                .hasMessageContaining("as the current credentials")
                .hasMessageContaining("trusts the current account");
    }

    @Test
    void getProvider_throttledTwice_sdkRetriesThenSucceeds() {
        sts.stubAssumeRoleThrottledThenOk(READ_ROLE, "WMKEYTHROTTLED000001", 2);

        IdentityProvider<AwsCredentialsIdentity> provider = plugin.getProvider(request(Map.of()));

        assertThat(provider).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
        assertThat(provider.resolveIdentity().join().accessKeyId()).isEqualTo("WMKEYTHROTTLED000001");
        assertThat(sts.requestsFor("AssumeRole")).isEqualTo(3);
    }

    @Test
    void getProvider_throttledThroughAllRetries_failsWithCodeAndFix() {
        sts.stubAssumeRoleThrottled(READ_ROLE);

        assertThatThrownBy(() -> plugin.getProvider(request(Map.of())))
                .isInstanceOf(CredentialProviderException.class)
                .hasMessageContaining(READ_ROLE)
                .hasMessageContaining("STS error Throttling")
                .hasMessageContaining("run again later");
        assertThat(sts.requestsFor("AssumeRole")).as("the SDK retried").isGreaterThan(1);
    }

    @Test
    void getProvider_expiredSourceToken_saysRefreshTheCurrentCredentials() {
        sts.stubError("AssumeRole", 400, "ExpiredToken", "The security token included in the request is expired",
                Duration.ZERO);

        assertThatThrownBy(() -> plugin.getProvider(request(Map.of())))
                .hasMessageContaining("STS error ExpiredToken")
                .hasMessageContaining("refresh them");
    }

    @Test
    void getProvider_longDurationRejected_hintsAtRoleChainingLimit() {
        sts.stubError("AssumeRole", 400, "ValidationError",
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
                Duration.ZERO);

        assertThatThrownBy(() -> plugin.getProvider(request(Map.of("assume-role-credentials:durationSeconds", 7200))))
                .hasMessageContaining("STS error ValidationError")
                .hasMessageContaining("lower assume-role-credentials:durationSeconds (now 7200)");
    }

    @Test
    void getProvider_sendsExternalIdSessionNameAndDuration() {
        sts.stubAssumeRoleSuccess(READ_ROLE, "WMKEYPARAMS000000001");

        plugin.getProvider(request(Map.of(
                "assume-role-credentials:externalId", "tenant-7",
                "assume-role-credentials:durationSeconds", "1800")));

        sts.server().verify(1, postRequestedFor(anyUrl())
                .withFormParam("Action", equalTo("AssumeRole"))
                .withFormParam("RoleArn", equalTo(READ_ROLE))
                .withFormParam("ExternalId", equalTo("tenant-7"))
                .withFormParam("RoleSessionName", equalTo("cdkj-read-ci-job-42"))
                .withFormParam("DurationSeconds", equalTo("1800")));
    }

    @Test
    @SuppressWarnings("try") // the scope only redirects the SDK's endpoint
    void getProvider_stsUnreachable_namesRegionAndFix() {
        try (AwsSystemProperties closedPort = AwsSystemProperties.endpoint(java.net.URI.create("http://127.0.0.1:9"), "us-east-1")) {
            assertThatThrownBy(() -> plugin.getProvider(request(Map.of())))
                    .isInstanceOf(CredentialProviderException.class)
                    .hasMessageContaining(READ_ROLE)
                    .hasMessageContaining("STS in region us-east-2 could not be called")
                    .hasMessageContaining("assume-role-credentials:stsRegion");
        }
    }
}
