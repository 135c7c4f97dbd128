package io.cdkj.toolkit.deploy;

import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.error;
import static io.cdkj.toolkit.deploy.CloudFormationStub.Reply.ok;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSet;
import static io.cdkj.toolkit.deploy.CloudFormationXml.changeSetCreated;
import static io.cdkj.toolkit.deploy.CloudFormationXml.empty;
import static io.cdkj.toolkit.deploy.CloudFormationXml.events;
import static io.cdkj.toolkit.deploy.CloudFormationXml.executed;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stack;
import static io.cdkj.toolkit.deploy.CloudFormationXml.stackMissing;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.aws.AwsClientFactory;
import io.cdkj.toolkit.aws.AwsEnvironment;
import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.deploy.assets.docker.DockerEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A stack in an isolated partition ({@code us-iso-east-1}, partition {@code aws-iso}, DNS suffix
 * {@code c2s.ic.gov}): every ARN and URL the deploy engine builds from the assembly's pseudo parameters
 * is in that partition. WireMock stands in for CloudFormation (moto has no isolated regions).
 */
class DeployEngineIsoPartitionTest {

    /** No docker image assets here: a container tool that does not exist proves none is needed. */
    private static final DockerEnvironment NO_DOCKER = DockerEnvironment.from(
            Map.of("CDK_DOCKER", "/nonexistent/docker"), Path.of("/nonexistent"));

    private static final String ACCOUNT = CloudFormationXml.ACCOUNT;
    private static final AwsEnvironment ISO = new AwsEnvironment(ACCOUNT, "us-iso-east-1");

    @TempDir
    Path dir;

    private CloudFormationStub cloudFormation;
    private AwsClientFactory clients;
    private String previousEndpoint;
    private final List<String> assumedRoles = new CopyOnWriteArrayList<>();
    private DeployEngine engine;

    @BeforeEach
    void setUp() {
        cloudFormation = new CloudFormationStub();
        previousEndpoint = System.setProperty("aws.endpointUrl", cloudFormation.endpoint());
        clients = new AwsClientFactory();
        var base = AwsBasicCredentials.create("AKIAWIREMOCKISO00001", "wiremockIsoSecretNeverPrinted000000000000");
        var credentials = new StaticEnvironmentCredentials(Map.of(ACCOUNT, base), (creds, role) -> {
            assumedRoles.add(role.arnIn(ISO));
            return StaticCredentialsProvider.create(creds);
        });
        StringWriter out = new StringWriter();
        engine = new DeployEngine(credentials, clients, NO_DOCKER, new PrintWriter(out), new PrintWriter(out), d -> { },
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        clients.close();
        cloudFormation.close();
        if (previousEndpoint == null) {
            System.clearProperty("aws.endpointUrl");
        } else {
            System.setProperty("aws.endpointUrl", previousEndpoint);
        }
    }

    @Test
    void deploy_isoRegion_usesAwsIsoArnsAndTheC2sTemplateUrl() throws IOException {
        cloudFormation.on("DescribeStacks", error(stackMissing()), ok(stack("CREATE_COMPLETE")));
        cloudFormation.on("CreateChangeSet", ok(changeSetCreated()));
        cloudFormation.on("DescribeChangeSet", ok(changeSet("CREATE_COMPLETE", null, "Add,Param,AWS::SSM::Parameter")));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(), null)));
        cloudFormation.on("ExecuteChangeSet", ok(executed()));

        engine.deploy(List.of(isoStack()), DeployOptions.DEFAULTS);

        assertThat(assumedRoles).containsExactly("arn:aws-iso:iam::" + ACCOUNT + ":role/cdk-deploy");
        String request = decoded(cloudFormation.bodies("CreateChangeSet").get(0));
        assertThat(request).contains("RoleARN=arn:aws-iso:iam::" + ACCOUNT + ":role/cdk-exec")
                .contains("TemplateURL=https://s3.us-iso-east-1.c2s.ic.gov/cdk-hnb659fds-assets-" + ACCOUNT
                        + "-us-iso-east-1/large.json");
    }

    @Test
    void destroy_isoRegion_passesTheExecutionRoleAndRoleArnOverrideInAwsIso() throws IOException {
        cloudFormation.on("DescribeStacks", ok(stack("UPDATE_COMPLETE")), error(stackMissing()),
                ok(stack("UPDATE_COMPLETE")), error(stackMissing()));
        cloudFormation.on("DescribeStackEvents", ok(events(List.of(), null)));
        cloudFormation.on("DeleteStack", ok(empty("DeleteStack")));

        engine.destroy(List.of(isoStack()), Optional.empty(), 1);
        engine.destroy(List.of(isoStack()), Optional.of("arn:${AWS::Partition}:iam::" + ACCOUNT + ":role/override"), 1);

        assertThat(cloudFormation.bodies("DeleteStack")).extracting(DeployEngineIsoPartitionTest::decoded)
                .satisfiesExactly(
                        first -> assertThat(first).contains("RoleARN=arn:aws-iso:iam::" + ACCOUNT + ":role/cdk-exec"),
                        second -> assertThat(second).contains("RoleARN=arn:aws-iso:iam::" + ACCOUNT + ":role/override"));
        assertThat(assumedRoles).containsOnly("arn:aws-iso:iam::" + ACCOUNT + ":role/cdk-deploy");
    }

    /** A stack whose template is too large to inline, published as an asset under a pseudo-parameter URL. */
    private ResolvedStack isoStack() throws IOException {
        Path template = dir.resolve("iso.template.json");
        Files.writeString(template, "{\"Description\":\"" + "x".repeat(StackTemplate.INLINE_LIMIT)
                + "\",\"Resources\":{\"Param\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":"
                + "{\"Type\":\"String\",\"Value\":\"v\"}}}}");
        return ResolvedStack.of(TestStacks.stack("devSampleApp", ISO, template)
                .deployRole(Optional.of(RoleToAssume.of("arn:${AWS::Partition}:iam::" + ACCOUNT + ":role/cdk-deploy",
                        Optional.empty())))
                .cloudFormationExecutionRoleArn(Optional.of("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-exec"))
                .stackTemplateAssetObjectUrl(Optional.of("s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/large.json"))
                .build());
    }

    private static String decoded(String form) {
        return URLDecoder.decode(form, StandardCharsets.UTF_8);
    }
}
