package io.cdkj.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.testing.SecretGuard;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The Maven plugin driven by a real {@code mvn} (the Maven wrapper) on a temporary copy of a CDK for
 * Java project, from the shared-services pipeline caller against moto with {@code -Dcdkj.plugin=assume-role}:
 * a failing lookup fails the build with the toolkit's message (what was found is cached), the same synth
 * succeeds once the value exists and caches both accounts' values in {@code cdk.context.json}, and the CI
 * line {@code mvn package cdkj:deploy} deploys both stacks into their own accounts from that cache; list,
 * credentials and diff see them, destroy needs {@code force} and then deletes both, and bootstrap prepares
 * a new account trusting the pipeline's. The steps share moto
 * and the project, so they run in order.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenPluginIT {

    private static final Path REPO = Path.of(System.getProperty("cdkj.repository.root", "..")).toAbsolutePath().normalize();
    private static final Path IT_REPOSITORY = Path.of(System.getProperty("cdkj.it.repository", "target/it-repo")).toAbsolutePath();
    private static final Path TAIL = Path.of(System.getProperty("cdkj.it.tail",
            System.getProperty("user.home") + "/.m2/repository"));
    private static final String DEPLOYED_MESSAGE = "/cdkj/sample/deployed-message";
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    @TempDir
    static Path work;

    private static MotoServer moto;
    private static Path project;
    private static Map<String, String> pipeline;

    @BeforeAll
    static void prepare(MotoServer server) throws Exception {
        project = CdkProjectCopy.create(REPO, work.resolve("my-cdk-app"));
        moto = server;
        moto.reset();
        AwsSessionCredentials session = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        SecretGuard.register(session.secretAccessKey());
        SecretGuard.register(session.sessionToken());
        pipeline = new HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID", session.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", session.secretAccessKey(),
                "AWS_SESSION_TOKEN", session.sessionToken(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_REGION", Walkthrough.PROD_REGION,
                "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1",
                "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "1"));
    }

    private static MavenRun.Result mvn(String... args) throws Exception {
        MavenRun.Result result = MavenRun.run(project, IT_REPOSITORY, TAIL, pipeline, args);
        SecretGuard.checkOutput(result.output());
        assertThat(result.output()).as("secret-like text in Maven's output").doesNotContainPattern(SECRET_LIKE);
        return result;
    }

    @Test
    @Order(1)
    void synth_lookupFailsInProd_failsTheBuildWithTheToolkitsMessage_andCachesWhatWasFound() throws Exception {
        // given: only dev has the looked-up parameter and VPC
        LocalAwsSeeder dev = LocalAwsSeeder.in(moto, Walkthrough.DEV_ACCOUNT, Walkthrough.DEV_REGION);
        dev.ssmParameter(Walkthrough.PARAMETER_NAME, Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
        dev.vpc(Walkthrough.VPC_CIDRS.get(Walkthrough.DEV_ACCOUNT), Walkthrough.VPC_NAME);

        // when
        MavenRun.Result result = mvn("-Pcdkj", "cdkj:synth", "-Dcdkj.plugin=assume-role");

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("BUILD FAILURE", "[ERROR] [Error at /prodSampleApp]",
                "Failed to execute goal io.cdkj:cdkj-maven-plugin:", ":synth",
                "Found errors in 1 stack (the [Error at ...] lines above).")
                .doesNotContain("[Error at /devSampleApp]", "\tat io.cdkj.");
        assertThat(project.resolve("cdk.context.json")).content()
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT))
                .doesNotContain(Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
    }

    @Test
    @Order(2)
    void synth_valueNowInProd_synthesizesBothAccountsInTheWarmHost_andCachesTheirContext() throws Exception {
        // given
        LocalAwsSeeder prod = LocalAwsSeeder.in(moto, Walkthrough.PROD_ACCOUNT, Walkthrough.PROD_REGION);
        prod.ssmParameter(Walkthrough.PARAMETER_NAME, Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
        prod.vpc(Walkthrough.VPC_CIDRS.get(Walkthrough.PROD_ACCOUNT), Walkthrough.VPC_NAME);

        // when
        MavenRun.Result result = mvn("-Pcdkj", "cdkj:synth", "-Dcdkj.plugin=assume-role");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("BUILD SUCCESS", "Successfully synthesized to "
                + project.resolve("cdk.out"))
                .containsPattern("Running app: '[^']*java' 'io\\.cdkj\\.sample\\.SampleApp' \\(in the warm app host\\)")
                .as("no Maven subprocess resolves the class path").doesNotContain("Running app: ../mvnw");
        assertThat(project.resolve("cdk.out/devSampleApp.template.json")).content()
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
        assertThat(project.resolve("cdk.out/prodSampleApp.template.json")).content()
                .contains(Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
        assertThat(project.resolve("cdk.context.json")).content()
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT), Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
    }

    @Test
    @Order(3)
    void deploy_theCiLine_deploysEachStackIntoItsOwnAccountFromTheCachedContext() throws Exception {
        // given: the parameter is gone from prod, so only the cached context can still provide it
        try (SsmClient ssm = ssm(Walkthrough.PROD_ACCOUNT, Walkthrough.PROD_REGION)) {
            ssm.deleteParameter(r -> r.name(Walkthrough.PARAMETER_NAME));
        }

        // when
        MavenRun.Result result = mvn("-Pcdkj", "package", "cdkj:deploy", "-Dcdkj.plugin=assume-role", "-Dcdkj.all");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("BUILD SUCCESS", "✅ devSampleApp deployed", "✅ prodSampleApp deployed",
                "devSampleApp | deploying to aws://111111111111/us-east-2",
                "prodSampleApp | deploying to aws://333333333333/us-east-1");
        assertThat(parameter(Walkthrough.DEV_ACCOUNT, Walkthrough.DEV_REGION))
                .contains(Walkthrough.MESSAGES.get(Walkthrough.DEV_ACCOUNT));
        assertThat(parameter(Walkthrough.PROD_ACCOUNT, Walkthrough.PROD_REGION))
                .contains(Walkthrough.MESSAGES.get(Walkthrough.PROD_ACCOUNT));
        assertThat(parameter(Walkthrough.SHARED_SERVICES_ACCOUNT, Walkthrough.PROD_REGION)).isEmpty();
    }

    @Test
    @Order(4)
    void listCredentialsDiff_inOneBuild_listTheStacks_explainTheirRoles_andFindNoDifferences() throws Exception {
        MavenRun.Result result = mvn("-Pcdkj", "cdkj:list", "cdkj:credentials", "cdkj:diff", "-Dcdkj.long",
                "-Dcdkj.all", "-Dcdkj.mode=write", "-Dcdkj.plugin=assume-role");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("\\[INFO\\] devSampleApp\\s+aws://111111111111/us-east-2")
                .containsPattern("\\[INFO\\] prodSampleApp\\s+aws://333333333333/us-east-1")
                .contains("devSampleApp (write)", "prodSampleApp (write)",
                        "arn:aws:iam::111111111111:role/cdk-writeRole", "arn:aws:iam::333333333333:role/cdk-writeRole",
                        "There were no differences")
                .doesNotContain("devSampleApp (read)");
    }

    @Test
    @Order(5)
    void destroy_withoutForce_failsWithTheFix() throws Exception {
        MavenRun.Result result = mvn("-Pcdkj", "-o", "cdkj:destroy", "-Dcdkj.all");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("cdkj:destroy deletes stacks without asking: confirm with -Dcdkj.force");
        assertThat(parameter(Walkthrough.DEV_ACCOUNT, Walkthrough.DEV_REGION)).isPresent();
    }

    @Test
    @Order(6)
    void destroy_withForce_deletesBothStacks() throws Exception {
        MavenRun.Result result = mvn("-Pcdkj", "-o", "cdkj:destroy", "-Dcdkj.all", "-Dcdkj.force", "-Dcdkj.plugin=assume-role");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("✅ devSampleApp destroyed", "✅ prodSampleApp destroyed");
        assertThat(parameter(Walkthrough.DEV_ACCOUNT, Walkthrough.DEV_REGION)).isEmpty();
        assertThat(parameter(Walkthrough.PROD_ACCOUNT, Walkthrough.PROD_REGION)).isEmpty();
    }

    @Test
    @Order(7)
    void bootstrap_aNewAccount_fromThePipeline_trustingIt() throws Exception {
        String account = "444455556666";
        MavenRun.Result result = mvn("-Pcdkj", "-o", "cdkj:bootstrap", "-Dcdkj.plugin=assume-role",
                "-Dcdkj.environments=aws://" + account + "/eu-west-1", "-Dcdkj.trust=" + Walkthrough.SHARED_SERVICES_ACCOUNT,
                "-Dcdkj.cloudformationExecutionPolicies=arn:aws:iam::aws:policy/AdministratorAccess");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("✅ aws://" + account + "/eu-west-1 bootstrapped");
        try (SsmClient ssm = ssm(account, "eu-west-1")) {
            assertThat(ssm.getParameter(r -> r.name("/cdk-bootstrap/hnb659fds/version")).parameter().value())
                    .as("the bootstrap version parameter").matches("\\d+");
        }
    }

    private static SsmClient ssm(String account, String region) {
        return SsmClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(moto.callerIn(account))).build();
    }

    private static Optional<String> parameter(String account, String region) {
        try (SsmClient ssm = ssm(account, region)) {
            return Optional.of(ssm.getParameter(r -> r.name(DEPLOYED_MESSAGE)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }
}
