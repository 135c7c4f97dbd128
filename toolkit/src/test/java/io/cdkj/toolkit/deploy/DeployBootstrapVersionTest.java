package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Deploying a stack whose manifest requires a bootstrap version (what DefaultStackSynthesizer writes)
 * checks the environment's version parameter first, as the Node CLI does: an old bootstrap and a
 * missing one stop the stack with the Node CLI's meaning before anything is published or changed.
 * Before the check, cdkj deployed over an old bootstrap, and moto answered a missing parameter with an
 * HTTP 500 from CreateChangeSet (the template's BootstrapVersion parameter cannot be resolved).
 */
@ExtendWith(MotoExtension.class)
class DeployBootstrapVersionTest {

    private static final AwsEnvironment ALPHA = new AwsEnvironment("444455556666", "eu-west-1");
    private static final String VERSION = "/cdk-bootstrap/hnb659fds/version";
    private static final DockerEnvironment NO_DOCKER = DockerEnvironment.from(
            Map.of("CDK_DOCKER", "/nonexistent/docker"), Path.of("/nonexistent"));

    @TempDir
    Path dir;

    private final MotoServer moto;
    private AwsClientFactory clients;
    private StaticEnvironmentCredentials credentials;
    private final StringWriter out = new StringWriter();

    DeployBootstrapVersionTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void setUp() {
        moto.reset();
        clients = new AwsClientFactory();
        credentials = new StaticEnvironmentCredentials(Map.of(ALPHA.account(), moto.callerIn(ALPHA.account())),
                (base, role) -> StaticCredentialsProvider.create(base));
        AwsCallLog.global().reset();
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    @Test
    void deploy_olderBootstrap_failsWithTheNodeClisMessageBeforeAnyChangeSet() throws Exception {
        // given
        LocalAwsSeeder.in(moto, ALPHA.account(), ALPHA.region()).ssmParameter(VERSION, "5");
        AwsCallLog.global().reset();

        // then
        assertThatThrownBy(() -> engine().deploy(List.of(stack(6)), DeployOptions.DEFAULTS))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AWS))
                .hasMessageContaining("alphaService: This CDK deployment requires bootstrap stack version '6', found '5'."
                        + " Please run 'cdkj bootstrap'.");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter", ALPHA.account())).isEqualTo(1);
        assertThat(out.toString()).contains("❌ alphaService failed");
    }

    @Test
    void deploy_notBootstrapped_asksWhetherTheEnvironmentWasBootstrapped() throws Exception {
        // then
        assertThatThrownBy(() -> engine().deploy(List.of(stack(6)), DeployOptions.DEFAULTS))
                .hasMessageContaining("alphaService: SSM parameter /cdk-bootstrap/hnb659fds/version not found in"
                        + " aws://444455556666/eu-west-1. Has the environment been bootstrapped? Please run 'cdkj bootstrap'.");
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isZero();
    }

    @Test
    void deploy_recentEnoughBootstrap_deploys() throws Exception {
        // given
        LocalAwsSeeder.in(moto, ALPHA.account(), ALPHA.region()).ssmParameter(VERSION, "33");

        // when
        List<StackResult> results = engine().deploy(List.of(stack(6)), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.DEPLOYED);
    }

    @Test
    void deploy_noVersionRequired_readsNoParameter() throws Exception {
        // when
        engine().deploy(List.of(ResolvedStack.of(TestStacks.stack("alphaService", ALPHA, template()).build())),
                DeployOptions.DEFAULTS);

        // then
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter")).isZero();
    }

    private ResolvedStack stack(int requiredVersion) throws Exception {
        return ResolvedStack.of(TestStacks.stack("alphaService", ALPHA, template())
                .requiresBootstrapStackVersion(OptionalInt.of(requiredVersion))
                .bootstrapStackVersionSsmParameter(Optional.of(VERSION))
                .build());
    }

    private Path template() throws Exception {
        return Files.writeString(dir.resolve("alphaService.template.json"), """
                {"Resources":{"Param":{"Type":"AWS::SSM::Parameter",
                  "Properties":{"Name":"/cdkj/test/alpha","Type":"String","Value":"alpha"}}}}
                """);
    }

    private DeployEngine engine() {
        return new DeployEngine(credentials, clients, NO_DOCKER, new PrintWriter(out), new PrintWriter(out), duration -> { },
                Clock.systemUTC());
    }
}
