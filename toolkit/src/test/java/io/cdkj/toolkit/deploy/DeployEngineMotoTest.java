package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.localaws.AwsCall;
import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.plugin.Mode;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** The deploy engine against moto's CloudFormation change-set flow, IAM, SSM and S3, per account. */
@ExtendWith(MotoExtension.class)
class DeployEngineMotoTest {

    /** No docker image assets here: a container tool that does not exist proves none is needed. */
    private static final DockerEnvironment NO_DOCKER = DockerEnvironment.from(
            Map.of("CDK_DOCKER", "/nonexistent/docker"), Path.of("/nonexistent"));

    private static final String DEV = "111111111111";
    private static final String PROD = "333333333333";

    @TempDir
    Path dir;

    private final MotoServer moto;
    private AwsSessionCredentials devCaller;
    private AwsSessionCredentials prodCaller;
    private StaticEnvironmentCredentials credentials;
    private AwsClientFactory clients;
    private StringWriter out;

    DeployEngineMotoTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void setUp() {
        moto.reset();
        devCaller = moto.callerIn(DEV);
        prodCaller = moto.callerIn(PROD);
        credentials = new StaticEnvironmentCredentials(Map.of(DEV, devCaller, PROD, prodCaller),
                (base, role) -> StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(StsClient.builder().region(Region.US_EAST_1)
                                .credentialsProvider(StaticCredentialsProvider.create(base)).build())
                        .refreshRequest(r -> r.roleArn(role.arnTemplate()).roleSessionName("cdkj-test"))
                        .build());
        clients = new AwsClientFactory();
        AwsCallLog.global().reset();
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    @Test
    void deploy_devAndProd_eachStackCreatedInItsOwnAccountWithThatAccountsCredentials() {
        // given
        List<ResolvedStack> stacks = List.of(stack("devSampleApp", DEV, "us-east-2", "dev"),
                stack("prodSampleApp", PROD, "us-east-1", "prod"));

        // when
        List<StackResult> results = engine().deploy(stacks, DeployOptions.DEFAULTS);

        // then
        assertThat(results).extracting(StackResult::outcome)
                .containsExactly(StackResult.Outcome.DEPLOYED, StackResult.Outcome.DEPLOYED);
        assertThat(parameter(devCaller, "us-east-2")).contains("dev");
        assertThat(parameter(prodCaller, "us-east-1")).contains("prod");
        assertThat(parameter(prodCaller, "us-east-2")).as("nothing of dev's in prod's account").isEmpty();
        assertThat(parameter(devCaller, "us-east-1")).isEmpty();
        assertThat(roleExists(devCaller, "devSampleApp-role")).isTrue();
        assertThat(roleExists(prodCaller, "devSampleApp-role")).isFalse();
        List<AwsCall> cloudFormation = AwsCallLog.global().calls().stream()
                .filter(c -> c.service().equals("CloudFormation")).toList();
        assertThat(cloudFormation).extracting(AwsCall::operation).contains("CreateChangeSet", "ExecuteChangeSet");
        assertThat(cloudFormation).filteredOn(c -> c.region().equals("us-east-2")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.account()).isEqualTo(DEV));
        assertThat(cloudFormation).filteredOn(c -> c.region().equals("us-east-1")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.account()).isEqualTo(PROD));
        assertThat(credentials.requests).extracting(StaticEnvironmentCredentials.Request::mode).containsOnly(Mode.WRITE);
        String printed = out.toString();
        assertThat(printed).contains("devSampleApp | change: Add | Param | AWS::SSM::Parameter",
                "prodSampleApp | change: Add | Role | AWS::IAM::Role", "✅ devSampleApp deployed", "✅ prodSampleApp deployed");
        assertThat(printed).doesNotContain(devCaller.secretAccessKey(), devCaller.sessionToken(),
                prodCaller.secretAccessKey(), prodCaller.sessionToken());
    }

    @Test
    void deploy_secondTimeUnchanged_reportsNoChangesWithoutExecuting() {
        // given
        ResolvedStack dev = stack("devSampleApp", DEV, "us-east-2", "dev");
        engine().deploy(List.of(dev), DeployOptions.DEFAULTS);
        AwsCallLog.global().reset();
        out.getBuffer().setLength(0);

        // when
        List<StackResult> results = engine().deploy(List.of(dev), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.NO_CHANGES);
        assertThat(out.toString()).contains("devSampleApp | no changes", "✅ devSampleApp (no changes");
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
    }

    @Test
    void deploy_changedTemplate_updatesThroughAnUpdateChangeSet() throws Exception {
        // given
        engine().deploy(List.of(stack("devSampleApp", DEV, "us-east-2", "v1")), DeployOptions.DEFAULTS);
        out.getBuffer().setLength(0);

        // when
        List<StackResult> results = engine().deploy(List.of(stack("devSampleApp", DEV, "us-east-2", "v2")),
                DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.DEPLOYED);
        assertThat(out.toString()).contains("devSampleApp | change: Modify | Param | AWS::SSM::Parameter");
        assertThat(parameter(devCaller, "us-east-2")).contains("v2");
    }

    @Test
    void destroy_deployedStacks_removesThemAndTheirResources() {
        // given
        List<ResolvedStack> stacks = List.of(stack("devSampleApp", DEV, "us-east-2", "dev"),
                stack("prodSampleApp", PROD, "us-east-1", "prod"));
        engine().deploy(stacks, DeployOptions.DEFAULTS);

        // when
        List<StackResult> results = engine().destroy(stacks, Optional.empty(), 4);

        // then
        assertThat(results).extracting(StackResult::outcome)
                .containsExactly(StackResult.Outcome.DESTROYED, StackResult.Outcome.DESTROYED);
        assertThat(parameter(devCaller, "us-east-2")).isEmpty();
        assertThat(parameter(prodCaller, "us-east-1")).isEmpty();
        assertThat(out.toString()).contains("✅ devSampleApp destroyed", "✅ prodSampleApp destroyed");
    }

    @Test
    void deploy_assumeRoleArnInManifest_assumesItOnTopOfWriteCredentials() {
        // given
        String role = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-us-east-2";
        ResolvedStack dev = ResolvedStack.of(TestStacks.stack("devSampleApp", new AwsEnvironment(DEV, "us-east-2"),
                template("devSampleApp", "dev", 0)).deployRole(Optional.of(RoleToAssume.of(role, Optional.empty()))).build());

        // when
        engine().deploy(List.of(dev), DeployOptions.DEFAULTS);

        // then
        assertThat(credentials.requests).containsExactly(
                new StaticEnvironmentCredentials.Request(new AwsEnvironment(DEV, "us-east-2"), Mode.WRITE, role));
        assertThat(parameter(devCaller, "us-east-2")).contains("dev");
    }

    @Test
    void deploy_templateOverInlineLimitAndFileAsset_uploadsBothAndDeploysFromTheBucket() throws Exception {
        // given: the environment's assets bucket, a template over 51,200 bytes, a directory asset
        String bucket = "cdk-hnb659fds-assets-111111111111-us-east-2";
        S3Client s3 = s3(devCaller);
        s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint("us-east-2")));
        Path template = template("devSampleApp", "big", 60_000);
        Files.createDirectories(dir.resolve("asset.code"));
        Files.writeString(dir.resolve("asset.code/index.js"), "exports.handler = async () => 'ok';");
        Path assets = dir.resolve("devSampleApp.assets.json");
        Files.writeString(assets, """
                {"version":"48.0.0","files":{
                 "code":{"source":{"path":"asset.code","packaging":"zip"},"destinations":{"d":{
                   "bucketName":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}","objectKey":"code.zip",
                   "assumeRoleArn":"arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-file-publishing-role"}}},
                 "tmpl":{"source":{"path":"devSampleApp.template.json","packaging":"file"},"destinations":{"d":{
                   "bucketName":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}","objectKey":"tmpl.json"}}}},
                 "dockerImages":{}}
                """);
        ResolvedStack dev = ResolvedStack.of(TestStacks.stack("devSampleApp", new AwsEnvironment(DEV, "us-east-2"), template)
                .assetManifests(List.of(assets))
                .stackTemplateAssetObjectUrl(Optional.of("s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/tmpl.json"))
                .build());

        // when
        engine().deploy(List.of(dev), DeployOptions.DEFAULTS);
        out.getBuffer().setLength(0);
        engine().deploy(List.of(dev), DeployOptions.DEFAULTS);

        // then
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactlyInAnyOrder("code.zip", "tmpl.json");
        assertThat(parameter(devCaller, "us-east-2")).contains("big");
        assertThat(out.toString()).contains("asset code: already in s3://" + bucket + "/code.zip");
        assertThat(AwsCallLog.global().calls()).filteredOn(c -> c.service().equals("S3"))
                .allSatisfy(c -> assertThat(c.account()).isEqualTo(DEV));
        assertThat(credentials.requests).as("the code asset is published with its destination's role")
                .contains(new StaticEnvironmentCredentials.Request(new AwsEnvironment(DEV, "us-east-2"), Mode.WRITE,
                        "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-file-publishing-role"));
    }

    @Test
    void deploy_largeTemplateWithoutAssetsBucket_failsNamingTheBucketAndTheFix() throws Exception {
        // given: a template over the inline limit, in an account that was never bootstrapped
        Path template = template("devSampleApp", "big", 60_000);
        Path assets = dir.resolve("devSampleApp.assets.json");
        Files.writeString(assets, """
                {"version":"48.0.0","files":{"tmpl":{"source":{"path":"devSampleApp.template.json","packaging":"file"},
                 "destinations":{"d":{"bucketName":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}","objectKey":"t.json"}}}},
                 "dockerImages":{}}
                """);
        ResolvedStack dev = ResolvedStack.of(TestStacks.stack("devSampleApp", new AwsEnvironment(DEV, "us-east-2"), template)
                .assetManifests(List.of(assets))
                .stackTemplateAssetObjectUrl(Optional.of("s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/t.json")).build());

        // when / then
        assertThatThrownBy(() -> engine().deploy(List.of(dev), DeployOptions.DEFAULTS))
                .hasMessageContaining("Cannot publish asset tmpl to s3://cdk-hnb659fds-assets-111111111111-us-east-2/t.json")
                .hasMessageContaining("bootstrap");
        assertThat(parameter(devCaller, "us-east-2")).isEmpty();
    }

    @Test
    void deploy_smallTemplate_doesNotUploadTheTemplateAssetSoNoBucketIsNeeded() throws Exception {
        // given: no assets bucket exists (CliCredentialsStackSynthesizer into an account never bootstrapped)
        Path template = template("devSampleApp", "small", 0);
        Path assets = dir.resolve("devSampleApp.assets.json");
        Files.writeString(assets, """
                {"version":"48.0.0","files":{"tmpl":{"source":{"path":"devSampleApp.template.json","packaging":"file"},
                 "destinations":{"d":{"bucketName":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}","objectKey":"t.json"}}}},
                 "dockerImages":{}}
                """);
        ResolvedStack dev = ResolvedStack.of(TestStacks.stack("devSampleApp", new AwsEnvironment(DEV, "us-east-2"), template)
                .assetManifests(List.of(assets)).build());

        // when
        List<StackResult> results = engine().deploy(List.of(dev), DeployOptions.DEFAULTS);

        // then
        assertThat(results).singleElement().extracting(StackResult::outcome).isEqualTo(StackResult.Outcome.DEPLOYED);
        assertThat(AwsCallLog.global().calls()).noneMatch(c -> c.service().equals("S3"));
    }

    @Test
    void diff_methodTemplate_reportsNoDifferencesThenTheChangedResourceWithReadCredentialsOnly() throws Exception {
        // given
        engine().deploy(List.of(stack("devSampleApp", DEV, "us-east-2", "v1")), DeployOptions.DEFAULTS);
        StringWriter diffOut = new StringWriter();
        StackDiffer differ = new StackDiffer(credentials, clients, new PrintWriter(diffOut));
        int requestsBefore = credentials.requests.size();
        DiffOptions template = new DiffOptions(DiffMethod.TEMPLATE, 3, false, false, false);

        // when
        int unchanged = differ.diff(List.of(stack("devSampleApp", DEV, "us-east-2", "v1")), template);
        int changed = differ.diff(List.of(stack("devSampleApp", DEV, "us-east-2", "v2")), template);

        // then
        assertThat(unchanged).isZero();
        assertThat(changed).isEqualTo(1);
        assertThat(diffOut.toString()).contains("There were no differences",
                "[~] AWS::SSM::Parameter Param\n └─ [~] Value\n     ├─ [-] v1\n     └─ [+] v2");
        assertThat(credentials.requests.subList(requestsBefore, credentials.requests.size())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.mode()).isEqualTo(Mode.READ));
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isEqualTo(1);
    }

    @Test
    void diff_methodChangeSet_usesWriteCredentialsAndDeletesItsChangeSet() throws Exception {
        // given
        engine().deploy(List.of(stack("devSampleApp", DEV, "us-east-2", "v1")), DeployOptions.DEFAULTS);
        StringWriter diffOut = new StringWriter();
        StackDiffer differ = new StackDiffer(credentials, clients, new PrintWriter(diffOut));
        AwsCallLog.global().reset();

        // when
        int changed = differ.diff(List.of(stack("devSampleApp", DEV, "us-east-2", "v2")),
                new DiffOptions(DiffMethod.CHANGE_SET, 3, false, false, false));

        // then
        assertThat(changed).isEqualTo(1);
        assertThat(AwsCallLog.global().count("CloudFormation", "CreateChangeSet")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("CloudFormation", "DeleteChangeSet")).isEqualTo(1);
        assertThat(AwsCallLog.global().count("CloudFormation", "ExecuteChangeSet")).isZero();
        assertThat(parameter(devCaller, "us-east-2")).contains("v1");
    }

    private DeployEngine engine() {
        if (out == null) {
            out = new StringWriter();
        }
        return new DeployEngine(credentials, clients, NO_DOCKER, new PrintWriter(out), new PrintWriter(out), duration -> Thread.sleep(10), Clock.systemUTC());
    }

    private ResolvedStack stack(String name, String account, String region, String value) {
        return ResolvedStack.of(TestStacks.stack(name, new AwsEnvironment(account, region), template(name, value, 0)).build());
    }

    /** A template with an SSM parameter holding {@code value}, an IAM role, and {@code padding} bytes of description. */
    private Path template(String name, String value, int padding) {
        String description = "x".repeat(padding);
        String json = """
                {"Description":"%s","Resources":{
                  "Param":{"Type":"AWS::SSM::Parameter","Properties":{"Name":"/cdkj/test/param","Type":"String","Value":"%s"}},
                  "Role":{"Type":"AWS::IAM::Role","Properties":{"RoleName":"%s-role","AssumeRolePolicyDocument":
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}}}},
                 "Outputs":{"Param":{"Value":{"Ref":"Param"}}}}
                """.formatted(description, value, name);
        try {
            Path file = dir.resolve(name + ".template.json");
            Files.writeString(file, json);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<String> parameter(AwsSessionCredentials caller, String region) {
        try (SsmClient ssm = SsmClient.builder().region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(caller)).build()) {
            return Optional.of(ssm.getParameter(r -> r.name("/cdkj/test/param")).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean roleExists(AwsSessionCredentials caller, String name) {
        try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(caller)).build()) {
            return iam.listRoles().roles().stream().anyMatch(r -> r.roleName().equals(name));
        }
    }

    private S3Client s3(AwsSessionCredentials caller) {
        return clients.create(S3Client.builder(), StaticCredentialsProvider.create(caller), "us-east-2");
    }
}
