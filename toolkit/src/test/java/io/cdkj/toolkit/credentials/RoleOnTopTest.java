package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.testing.Scopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.api.Io;
import io.cdkj.toolkit.api.Toolkit;
import io.cdkj.toolkit.api.ToolkitOptions;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Roles on top of base credentials the way the Node CLI puts them: the default identity of another
 * account assumes a manifest's role when no plugin helps (the standard cross-account path), a refused
 * lookup role falls back to base credentials of the right account, and nothing assumed is used unless
 * it acts in the target account. moto for the paths STS allows; WireMock for STS refusing (moto never
 * evaluates trust policies).
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class RoleOnTopTest {

    private static final AwsEnvironment ALPHA = new AwsEnvironment("444455556666", "eu-west-1");
    private static final String PIPELINE = PipelineCaller.ACCOUNT;
    private static final String DEPLOY_ROLE = "arn:${AWS::Partition}:iam::444455556666:role/cdk-hnb659fds-deploy-role-444455556666-eu-west-1";
    private static final String LOOKUP_ROLE = "arn:${AWS::Partition}:iam::444455556666:role/cdk-hnb659fds-lookup-role-444455556666-eu-west-1";
    private static final String WM_SECRET = "wiremockRoleOnTopSecret00000000000000000";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();
    private final StringWriter err = new StringWriter();

    RoleOnTopTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void setUp() {
        AwsCallLog.global().reset();
        SecretGuard.register(WireMockAws.SECRET_ACCESS_KEY);
        SecretGuard.register(WireMockAws.SESSION_TOKEN);
        SecretGuard.register(WM_SECRET);
    }

    @AfterEach
    void tearDown() throws Exception {
        scopes.close();
    }

    @Test
    void forTarget_noPluginAndAManifestRole_theDefaultIdentityAssumesItAndItActsInTheTargetAccount() {
        // given: the pipeline's own identity, no plugin, a stack naming its deploy role
        scopes.add(PipelineCaller.actAsPipeline(moto));
        try (Toolkit toolkit = toolkit()) {
            // when
            IdentityProvider<AwsCredentialsIdentity> credentials = toolkit.credentials()
                    .forTarget(new CredentialTarget(ALPHA, Mode.WRITE, Optional.of(RoleToAssume.of(DEPLOY_ROLE, Optional.empty()))));

            // then
            assertThat(callerArn(credentials)).startsWith(
                    "arn:aws:sts::444455556666:assumed-role/cdk-hnb659fds-deploy-role-444455556666-eu-west-1/cdkj-tester");
            Explanation explanation = toolkit.credentials().explain(
                    new CredentialTarget(ALPHA, Mode.WRITE, Optional.of(RoleToAssume.of(DEPLOY_ROLE, Optional.empty()))));
            assertThat(explanation.baseElsewhere()).isTrue();
            assertThat(explanation.plugin()).isEmpty();
            assertThat(explanation.actingAs().orElseThrow().account()).isEqualTo(PIPELINE);
            assertThat(explanation.account()).isEqualTo(ALPHA.account());
        }
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole", PIPELINE)).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void forTarget_noPluginAndNoRole_failsClosedAsBefore() {
        // given
        scopes.add(PipelineCaller.actAsPipeline(moto));
        try (Toolkit toolkit = toolkit()) {
            // then
            assertThatThrownBy(() -> toolkit.credentials().forTarget(CredentialTarget.of(ALPHA, Mode.WRITE)))
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS))
                    .hasMessageStartingWith("Need to perform AWS calls for account 444455556666, but the current credentials"
                            + " are for 222222222222, and no credential plugin was selected.");
        }
        assertThat(AwsCallLog.global().count("Sts", "AssumeRole")).isZero();
    }

    @Test
    void forTarget_manifestRoleOfAnotherAccount_isAssumedButNeverUsed() {
        // given: a role ARN that names another account than the stack's
        scopes.add(PipelineCaller.actAsPipeline(moto));
        String foreign = "arn:aws:iam::999999999999:role/cdk-hnb659fds-deploy-role-999999999999-eu-west-1";
        try (Toolkit toolkit = toolkit()) {
            // then
            assertThatThrownBy(() -> toolkit.credentials().forTarget(
                    new CredentialTarget(ALPHA, Mode.WRITE, Optional.of(RoleToAssume.of(foreign, Optional.empty())))))
                    .isInstanceOf(ToolkitException.class)
                    .hasMessageContaining("Role " + foreign + ", assumed for aws://444455556666/eu-west-1, acts in account"
                            + " 999999999999, not 444455556666; nothing is done with it");
        }
        List<AwsCall> calls = AwsCallLog.global().calls();
        assertThat(calls).extracting(AwsCall::account).doesNotContain("999999999999");
    }

    @Test
    void forTarget_crossAccountRoleRefused_failsWithTheTrustHint() {
        // given
        WireMockAws sts = stsOnWireMock();
        String callerArn = "arn:aws:sts::222222222222:assumed-role/pipeline/ci-job";
        String deployRole = DEPLOY_ROLE.replace("${AWS::Partition}", "aws");
        sts.stubGetCallerIdentity(callerArn);
        sts.stubAssumeRoleAccessDenied(deployRole, callerArn);

        try (Toolkit toolkit = toolkit()) {
            // then
            assertThatThrownBy(() -> toolkit.credentials().forTarget(
                    new CredentialTarget(ALPHA, Mode.WRITE, Optional.of(RoleToAssume.of(DEPLOY_ROLE, Optional.empty())))))
                    .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS))
                    .hasMessageContaining("Could not assume role " + deployRole + " in account 444455556666 (write) as "
                            + callerArn + ": AccessDenied")
                    .hasMessageContaining("(cdkj bootstrap aws://444455556666/eu-west-1 --trust 222222222222 grants that to"
                            + " account 222222222222)");
        }
    }

    @Test
    void forTarget_lookupRoleRefusedWithBaseOfAnotherAccount_failsWithTheTrustHint() {
        // given: no plugin, so the base is the pipeline's own identity, in another account
        WireMockAws sts = stsOnWireMock();
        String callerArn = "arn:aws:sts::222222222222:assumed-role/pipeline/ci-job";
        String lookupRole = LOOKUP_ROLE.replace("${AWS::Partition}", "aws");
        sts.stubGetCallerIdentity(callerArn);
        sts.stubAssumeRoleAccessDenied(lookupRole, callerArn);

        try (Toolkit toolkit = toolkit()) {
            // then: no fallback, the base would act in the wrong account
            assertThatThrownBy(() -> toolkit.credentials().forTarget(
                    new CredentialTarget(ALPHA, Mode.READ, Optional.of(RoleToAssume.of(LOOKUP_ROLE, Optional.empty())))))
                    .isInstanceOf(ToolkitException.class)
                    .hasMessageContaining("Could not assume role " + lookupRole + " in account 444455556666 (read)")
                    .hasMessageContaining("--trust 222222222222");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void forTarget_lookupRoleRefusedWithBaseOfTheRightAccount_warnsAndProceedsWithTheBase() {
        // given: the plugin gives credentials in the target account, the lookup role refuses them
        WireMockAws sts = stsOnWireMock();
        String pluginArn = "arn:aws:sts::444455556666:assumed-role/cdk-readOnlyRole/fake-assume";
        String lookupRole = LOOKUP_ROLE.replace("${AWS::Partition}", "aws");
        sts.stubGetCallerIdentity("arn:aws:sts::222222222222:assumed-role/pipeline/ci-job");
        sts.stubAssumeRoleSuccess("arn:aws:iam::444455556666:role/cdk-readOnlyRole", "WMKEYALPHAREAD0001");
        sts.stubGetCallerIdentity("WMKEYALPHAREAD0001", pluginArn);
        sts.stubAssumeRoleAccessDenied(lookupRole, pluginArn);
        CredentialTarget target = new CredentialTarget(ALPHA, Mode.READ, Optional.of(RoleToAssume.of(LOOKUP_ROLE, Optional.empty())));

        try (Toolkit toolkit = toolkit("fake-assume")) {
            // when
            IdentityProvider<AwsCredentialsIdentity> credentials = toolkit.credentials().forTarget(target);

            // then: the plugin's own credentials, announced once
            assertThat(credentials).isSameAs(toolkit.credentials().forTarget(CredentialTarget.of(ALPHA, Mode.READ)));
            assertThat(err.toString().strip()).isEqualTo("Warning: Lookup role " + lookupRole + " was not assumed"
                    + " (AccessDenied: User: " + pluginArn + " is not authorized to perform: sts:AssumeRole on resource: "
                    + lookupRole + "); proceeding with the credentials of plugin fake-assume, which act in account 444455556666");
            Explanation explanation = toolkit.credentials().explain(target);
            assertThat(explanation.roleNotAssumed()).hasValueSatisfying(why -> assertThat(why).startsWith("AccessDenied"));
            assertThat(explanation.account()).isEqualTo(ALPHA.account());
            assertThat(explanation.baseElsewhere()).isFalse();
        }
        assertThat(sts.requestsFor("AssumeRole")).as("one attempt at the lookup role, one by the plugin").isEqualTo(2);
    }

    private Toolkit toolkit(String... plugins) {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
                Map.of("USER", "tester"), work, home, List.of());
        return new Toolkit(io, new ToolkitOptions(Optional.empty(), List.of(plugins), List.of(), false, false));
    }

    private WireMockAws stsOnWireMock() {
        WireMockAws wireMock = WireMockAws.start();
        scopes.add(wireMock);
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), AwsBasicCredentials.create("AKIDWIREMOCKROLEONTOP", WM_SECRET)));
        scopes.add(AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint()));
        return wireMock;
    }

    private static String callerArn(IdentityProvider<AwsCredentialsIdentity> provider) {
        try (StsClient sts = StsClient.builder().region(Region.EU_WEST_1).credentialsProvider(provider).build()) {
            return sts.getCallerIdentity().arn();
        }
    }
}
