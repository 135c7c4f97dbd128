package io.cdkj.toolkit.cli;

import io.cdkj.toolkit.testing.Scopes;
import static org.assertj.core.api.Assertions.assertThat;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.LocalAwsSeeder;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.WireMockAws;
import io.cdkj.toolkit.testing.PipelineCaller;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The Node CLI's lookup-role fallback through {@code cdkj synth}: an app (a script writing the manifest
 * a DefaultStackSynthesizer app writes: a missing SSM entry naming the environment's lookup role, then
 * the value or the provider's error as aws-cdk-lib reports it) whose lookup role STS refuses. With base
 * credentials in the stack's account the lookup warns and runs with them; with base credentials of
 * another account (no plugin, the pipeline's identity) it fails with the trust hint and makes no lookup
 * call. STS on WireMock: moto never evaluates trust policies, so it cannot refuse a role. SSM is moto.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class LookupRoleFallbackTest {

    private static final String ALPHA = "444455556666";
    private static final String REGION = "eu-west-1";
    private static final String LOOKUP_ROLE = "arn:aws:iam::" + ALPHA + ":role/cdk-hnb659fds-lookup-role-" + ALPHA + "-" + REGION;
    private static final String KEY = "ssm:account=" + ALPHA + ":parameterName=/cdkj/fallback/message:region=" + REGION;

    @TempDir
    Path project;
    @TempDir
    Path home;

    private final MotoServer moto;
    private final Scopes scopes = new Scopes();

    LookupRoleFallbackTest(MotoServer moto) {
        this.moto = moto;
    }

    @BeforeEach
    void setUp() throws IOException {
        LocalAwsSeeder.in(moto, ALPHA, REGION).ssmParameter("/cdkj/fallback/message", "hello from alpha");
        Files.writeString(project.resolve("app.py"), APP);
    }

    @AfterEach
    void tearDown() throws Exception {
        scopes.close();
    }

    @Test
    void synth_lookupRoleRefused_baseInTheStacksAccount_warnsAndLooksUpWithTheBase() throws IOException {
        // given: the default identity acts in the stack's own account; its lookup role refuses it
        AwsSessionCredentials admin = moto.callerIn(ALPHA, "admin");
        registerSecrets(admin);
        String adminArn = "arn:aws:sts::" + ALPHA + ":assumed-role/admin/dev-admin";
        WireMockAws sts = stsOnWireMock(admin);
        sts.stubGetCallerIdentity(admin.accessKeyId(), adminArn);
        sts.stubAssumeRoleAccessDenied(LOOKUP_ROLE, adminArn);
        AwsCallLog.global().reset();

        // when
        CliHarness.Run run = synth();

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsOnlyOnce("Warning: Lookup role " + LOOKUP_ROLE + " was not assumed (AccessDenied: User: "
                + adminArn + " is not authorized to perform: sts:AssumeRole on resource: " + LOOKUP_ROLE
                + "); proceeding with the default credentials, which act in account " + ALPHA);
        assertThat(Files.readString(project.resolve("cdk.context.json"))).contains(KEY, "hello from alpha");
        assertThat(Files.readString(project.resolve("cdk.out/alphaService.template.json"))).contains("hello from alpha");
        assertThat(AwsCallLog.global().count("Ssm", "GetParameter", ALPHA)).as("the lookup, in the stack's account").isOne();
        assertThat(sts.requestsFor("AssumeRole")).as("one attempt at the lookup role").isOne();
    }

    @Test
    void synth_lookupRoleRefused_baseOfAnotherAccount_failsWithTheTrustHintAndLooksNothingUp() throws IOException {
        // given: no plugin; the pipeline's own identity (222222222222) is refused the lookup role
        AwsSessionCredentials pipeline = moto.callerIn(PipelineCaller.ACCOUNT, "pipeline");
        registerSecrets(pipeline);
        String pipelineArn = "arn:aws:sts::" + PipelineCaller.ACCOUNT + ":assumed-role/pipeline/ci-job-42";
        WireMockAws sts = stsOnWireMock(pipeline);
        sts.stubGetCallerIdentity(pipeline.accessKeyId(), pipelineArn);
        sts.stubAssumeRoleAccessDenied(LOOKUP_ROLE, pipelineArn);
        AwsCallLog.global().reset();

        // when
        CliHarness.Run run = synth();

        // then: the app reports the provider's error on the stack; nothing falls back to the pipeline's account
        assertThat(run.exitCode()).as(run.err()).isNotZero();
        assertThat(run.err()).contains("Could not assume role " + LOOKUP_ROLE + " in account " + ALPHA + " (read) as "
                        + pipelineArn + ": AccessDenied", "(cdkj bootstrap aws://" + ALPHA + "/" + REGION + " --trust "
                        + PipelineCaller.ACCOUNT + " grants that to account " + PipelineCaller.ACCOUNT + ")")
                .doesNotContain("proceeding with");
        assertThat(project.resolve("cdk.context.json")).as("a provider error is never saved")
                .satisfiesAnyOf(file -> assertThat(file).doesNotExist(),
                        file -> assertThat(Files.readString(file)).doesNotContain(KEY));
        assertThat(AwsCallLog.global().calls()).as("no lookup with the pipeline's credentials")
                .noneMatch(call -> call.service().equals("Ssm"));
    }

    private CliHarness.Run synth() {
        return new CliHarness(project, home).env("PATH", System.getenv("PATH"))
                .run("synth", "--quiet", "--app", "python3 app.py");
    }

    private WireMockAws stsOnWireMock(AwsSessionCredentials defaultIdentity) {
        WireMockAws wireMock = WireMockAws.start();
        scopes.add(wireMock);
        scopes.add(AwsSystemProperties.caller(moto.endpoint(), defaultIdentity, REGION));
        scopes.add(AwsSystemProperties.serviceEndpoint("Sts", wireMock.endpoint()));
        return wireMock;
    }

    private static void registerSecrets(AwsSessionCredentials credentials) {
        SecretGuard.register(credentials.secretAccessKey());
        SecretGuard.register(credentials.sessionToken());
    }

    /**
     * What a DefaultStackSynthesizer app's manifest holds for one SSM lookup: the entry names the lookup
     * role while the value is missing; a provider error becomes an error annotation on the stack.
     */
    private static final String APP = """
            import json, os
            context = json.loads(os.environ.get("CDK_CONTEXT_JSON") or "{}")
            out = os.environ["CDK_OUTDIR"]
            key = "%s"
            stack = {"type": "aws:cloudformation:stack", "environment": "aws://%s/%s",
                     "properties": {"templateFile": "alphaService.template.json"}}
            manifest = {"version": "54.0.0", "artifacts": {"alphaService": stack}}
            value = context.get(key)
            if value is None:
                manifest["missing"] = [{"key": key, "provider": "ssm", "props": {"account": "%s", "region": "%s",
                    "parameterName": "/cdkj/fallback/message", "lookupRoleArn": "%s"}}]
                value = "dummy-value-for-/cdkj/fallback/message"
            elif isinstance(value, dict) and "$providerError" in value:
                stack["metadata"] = {"/alphaService": [{"type": "aws:cdk:error", "data": value["$providerError"]}]}
                value = "dummy-value-for-/cdkj/fallback/message"
            template = {"Resources": {"Message": {"Type": "AWS::SSM::Parameter",
                        "Properties": {"Type": "String", "Value": value}}}}
            with open(os.path.join(out, "alphaService.template.json"), "w") as f:
                json.dump(template, f)
            with open(os.path.join(out, "manifest.json"), "w") as f:
                json.dump(manifest, f)
            """.formatted(KEY, ALPHA, REGION, ALPHA, REGION,
            "arn:${AWS::Partition}:iam::" + ALPHA + ":role/cdk-hnb659fds-lookup-role-" + ALPHA + "-" + REGION);
}
