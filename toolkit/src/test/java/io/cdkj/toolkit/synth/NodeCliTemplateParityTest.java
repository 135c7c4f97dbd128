package io.cdkj.toolkit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoExtension;
import io.cdkj.localaws.MotoServer;
import io.cdkj.localaws.Walkthrough;
import io.cdkj.toolkit.cli.CliHarness;
import io.cdkj.toolkit.testing.NodeCdkCli;
import io.cdkj.toolkit.testing.ReactorApps;
import io.cdkj.toolkit.testing.SecretGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * cdkj and the real Node CDK CLI (from npm) synthesize {@code sample-app} the same: byte-identical
 * templates and {@code cdk.context.json}. Both run from a shared-services pipeline caller against moto
 * with their assume-role plugins, each from an empty context file, with
 * {@code "@aws-cdk/core:validateAgainstDefaultRules": true} in cdk.json — which fails cdkj's first
 * lookup round on placeholder values unless it passes {@code failSynthOnValidationErrors: false} as the
 * Node CLI does. Then both synthesize again without the flag from the same cdk.context.json. Four app
 * runs per tool, once for the class.
 */
@ExtendWith({MotoExtension.class, SecretGuard.class})
class NodeCliTemplateParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TEMPLATES = {"devSampleApp.template.json", "prodSampleApp.template.json"};

    @TempDir
    static Path project;
    @TempDir
    static Path home;

    private static NodeCdkCli.Run nodeValidated;
    private static CliHarness.Run cdkjValidated;
    private static String nodeContextFile;
    private static String cdkjContextFile;
    private static NodeCdkCli.Run nodePlain;
    private static CliHarness.Run cdkjPlain;

    @BeforeAll
    static void synthesizeWithBothTools(MotoServer moto) throws IOException {
        NodeCdkCli node = NodeCdkCli.require();
        moto.reset();
        Walkthrough.seed(moto);
        AwsSessionCredentials pipeline = moto.callerIn(Walkthrough.SHARED_SERVICES_ACCOUNT, "pipeline");
        SecretGuard.register(pipeline.secretAccessKey());
        SecretGuard.register(pipeline.sessionToken());
        Map<String, String> nodeEnvironment = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", pipeline.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", pipeline.secretAccessKey(), "AWS_SESSION_TOKEN", pipeline.sessionToken());
        String app = ReactorApps.sampleApp("io.cdkj.sample.SampleApp");
        String plugin = NodeCdkCli.assumeRolePlugin().toString();
        CliHarness cdkj = new CliHarness(project, home).env("PATH", System.getenv("PATH")).env("HOME", home.toString());

        writeCdkJson(app, true);
        nodeValidated = node.run(project, nodeEnvironment, "synth", "--plugin", plugin, "-o", "node.out", "-q");
        nodeContextFile = Files.readString(project.resolve("cdk.context.json"));
        Files.delete(project.resolve("cdk.context.json"));
        try (AwsSystemProperties caller = AwsSystemProperties.caller(moto.endpoint(), pipeline)) {
            cdkjValidated = cdkj.run("synth", "--plugin", "assume-role", "-o", "cdkj.out", "-q");
        }
        cdkjContextFile = Files.readString(project.resolve("cdk.context.json"));

        writeCdkJson(app, false);
        nodePlain = node.run(project, nodeEnvironment, "synth", "-o", "node-plain.out", "-q");
        cdkjPlain = cdkj.run("synth", "-o", "cdkj-plain.out", "-q");
    }

    private static void writeCdkJson(String app, boolean validate) throws IOException {
        Map<String, Object> cdkJson = validate
                ? Map.of("app", app, "context", Map.of("@aws-cdk/core:validateAgainstDefaultRules", true))
                : Map.of("app", app);
        Files.writeString(project.resolve("cdk.json"), JSON.writeValueAsString(cdkJson));
    }

    @Test
    void synth_validateAgainstDefaultRulesWithVpcLookup_succeedsWithBothTools() {
        assertThat(nodeValidated.exitCode()).as(nodeValidated.output()).isZero();
        assertThat(cdkjValidated.exitCode()).as(cdkjValidated.err()).isZero();
        assertThat(cdkjValidated.err()).contains("Some context information is missing (4 values). Fetching...")
                .doesNotContain("ValidationFailed", "vpc-12345");
    }

    @Test
    void synth_validateAgainstDefaultRules_byteIdenticalTemplates() throws IOException {
        for (String template : TEMPLATES) {
            assertThat(Files.readString(project.resolve("cdkj.out").resolve(template))).as(template)
                    .isEqualTo(Files.readString(project.resolve("node.out").resolve(template)));
        }
    }

    @Test
    void synth_lookupsFromAnEmptyContextFile_writeTheSameContextFile() {
        assertThat(cdkjContextFile).isEqualTo(nodeContextFile).contains("vpc-provider:account=111111111111");
    }

    @Test
    void synth_sameContextFileAndFlags_byteIdenticalTemplatesWithVersionReporting() throws IOException {
        assertThat(nodePlain.exitCode()).as(nodePlain.output()).isZero();
        assertThat(cdkjPlain.exitCode()).as(cdkjPlain.err()).isZero();
        for (String template : TEMPLATES) {
            String ours = Files.readString(project.resolve("cdkj-plain.out").resolve(template));
            assertThat(ours).as(template).isEqualTo(Files.readString(project.resolve("node-plain.out").resolve(template)))
                    .contains("\"AWS::CDK::Metadata\"");
        }
    }
}
