package io.cdkj.toolkit.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The deploy-time bootstrap version check against SSM in the stack's own account (moto; WireMock for AccessDenied). */
@ExtendWith(MotoExtension.class)
class BootstrapVersionCheckTest {

    private static final AwsEnvironment ALPHA = new AwsEnvironment("444455556666", "eu-west-1");
    private static final String PARAMETER = "/cdk-bootstrap/hnb659fds/version";

    private final MotoServer moto;
    private AwsClientFactory clients;
    private BootstrapVersionCheck check;
    private StaticCredentialsProvider alphaCredentials;

    BootstrapVersionCheckTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void setUp() {
        moto.reset();
        AwsSessionCredentials alpha = moto.callerIn(ALPHA.account());
        alphaCredentials = StaticCredentialsProvider.create(alpha);
        clients = new AwsClientFactory();
        check = new BootstrapVersionCheck(clients);
        AwsCallLog.global().reset();
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    @Test
    void require_versionHighEnough_passesAndReadsTheParameterOncePerEnvironment() {
        // given
        LocalAwsSeeder.in(moto, ALPHA.account(), ALPHA.region()).ssmParameter(PARAMETER, "33");
        AwsCallLog.global().reset();

        // when
        check.require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials);
        check.require("alphaService/Settings", ALPHA, 6, PARAMETER, alphaCredentials);

        // then
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter", ALPHA.account())).isEqualTo(1);
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter")).isEqualTo(1);
    }

    @Test
    void require_olderVersion_failsWithTheNodeClisMessagePrefixedWithTheStack() {
        // given
        LocalAwsSeeder.in(moto, ALPHA.account(), ALPHA.region()).ssmParameter(PARAMETER, "5");

        // then
        assertThatThrownBy(() -> check.require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials))
                .isInstanceOf(ToolkitException.class)
                .hasMessage("alphaService: This CDK deployment requires bootstrap stack version '6', found '5'."
                        + " Please run 'cdkj bootstrap'.")
                .extracting(e -> ((ToolkitException) e).code()).isEqualTo(ErrorCode.AWS);
    }

    @Test
    void require_noParameter_asksWhetherTheEnvironmentWasBootstrapped() {
        // given: the parameter exists only in another account
        LocalAwsSeeder.in(moto, "777788889999", ALPHA.region()).ssmParameter(PARAMETER, "33");

        // then
        assertThatThrownBy(() -> check.require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials))
                .isInstanceOf(ToolkitException.class)
                .hasMessage("alphaService: SSM parameter /cdk-bootstrap/hnb659fds/version not found in"
                        + " aws://444455556666/eu-west-1. Has the environment been bootstrapped? Please run 'cdkj bootstrap'.");
    }

    @Test
    void require_notANumber_saysWhatItHolds() {
        // given
        LocalAwsSeeder.in(moto, ALPHA.account(), ALPHA.region()).ssmParameter(PARAMETER, "latest");

        // then
        assertThatThrownBy(() -> check.require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials))
                .hasMessageContaining("alphaService: SSM parameter /cdk-bootstrap/hnb659fds/version in"
                        + " aws://444455556666/eu-west-1 holds 'latest', not a bootstrap version");
    }

    @Test
    void require_failedCheckIsNotRemembered_aRepairedEnvironmentPasses() {
        // given
        LocalAwsSeeder seeder = LocalAwsSeeder.in(moto, ALPHA.account(), ALPHA.region());
        assertThatThrownBy(() -> check.require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials));

        // when
        seeder.ssmParameter(PARAMETER, "33");

        // then
        assertThatCode(() -> check.require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials)).doesNotThrowAnyException();
    }

    /** moto does not evaluate IAM policies, so SSM's AccessDeniedException comes from WireMock (SSM's JSON protocol). */
    @Test
    void require_accessDenied_failsNamingTheParameterAndTheFix() {
        try (WireMockAws wireMock = WireMockAws.start();
                AwsSystemProperties ssm = AwsSystemProperties.serviceEndpoint("Ssm", wireMock.endpoint())) {
            // given
            wireMock.server().stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:sts::444455556666:"
                                    + "assumed-role/cdk-hnb659fds-deploy-role-444455556666-eu-west-1/cdkj is not authorized"
                                    + " to perform: ssm:GetParameter\"}")));
            AwsClientFactory wireMockClients = new AwsClientFactory();
            try {
                // then
                assertThatThrownBy(() -> new BootstrapVersionCheck(wireMockClients)
                        .require("alphaService", ALPHA, 6, PARAMETER, alphaCredentials))
                        .isInstanceOf(ToolkitException.class)
                        .hasMessageContaining("alphaService: This CDK deployment requires bootstrap stack version '6',"
                                + " but reading SSM parameter /cdk-bootstrap/hnb659fds/version in aws://444455556666/eu-west-1"
                                + " failed: AccessDeniedException: User:")
                        .hasMessageContaining("the deploy role needs ssm:GetParameter");
            } finally {
                wireMockClients.close();
            }
        }
    }
}
