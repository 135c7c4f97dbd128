package io.cdkj.toolkit.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.plugin.Mode;
import io.cdkj.toolkit.access.CredentialTarget;
import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssemblyReaderTest {

    /** Shape of what aws-cdk-lib 2.263 writes for a two-stack app (schema 54), plus unknown extras. */
    private static final String TOP = """
            {
              "version": "54.0.0",
              "someFutureField": {"x": 1},
              "artifacts": {
                "devSampleApp.assets": {
                  "type": "cdk:asset-manifest",
                  "properties": {"file": "devSampleApp.assets.json", "requiresBootstrapStackVersion": 6}
                },
                "devSampleApp": {
                  "type": "aws:cloudformation:stack",
                  "environment": "aws://111111111111/us-east-2",
                  "properties": {
                    "templateFile": "devSampleApp.template.json",
                    "terminationProtection": true,
                    "tags": {"team": "platform"},
                    "parameters": {"Env": "dev"},
                    "validateOnSynth": false,
                    "assumeRoleArn": "arn:${AWS::Partition}:iam::111111111111:role/deploy",
                    "assumeRoleExternalId": "ext-1",
                    "cloudFormationExecutionRoleArn": "arn:${AWS::Partition}:iam::111111111111:role/exec",
                    "stackTemplateAssetObjectUrl": "s3://bucket/abc.json",
                    "requiresBootstrapStackVersion": 6,
                    "bootstrapStackVersionSsmParameter": "/cdk-bootstrap/hnb659fds/version",
                    "lookupRole": {"arn": "arn:${AWS::Partition}:iam::111111111111:role/lookup", "requiresBootstrapStackVersion": 8},
                    "unknownProperty": [1, 2]
                  },
                  "dependencies": ["devSampleApp.assets"],
                  "metadata": {
                    "/devSampleApp": [
                      {"type": "aws:cdk:error", "data": "Need to perform AWS calls for account 111111111111", "trace": ["x"]},
                      {"type": "aws:cdk:stack-tags", "data": [{"Key": "team", "Value": "platform"}]}
                    ],
                    "/devSampleApp/Param/Resource": [{"type": "aws:cdk:logicalId", "data": "Param"}]
                  },
                  "displayName": "devSampleApp"
                },
                "prodSampleApp": {
                  "type": "aws:cloudformation:stack",
                  "environment": "aws://333333333333/us-east-1",
                  "properties": {"templateFile": "prodSampleApp.template.json", "stackName": "prod-sample"},
                  "dependencies": ["devSampleApp"]
                },
                "Stage": {
                  "type": "cdk:cloud-assembly",
                  "properties": {"directoryName": "assembly-Stage", "displayName": "Stage"}
                },
                "aws-cdk-lib/feature-flag-report": {
                  "type": "cdk:feature-flag-report",
                  "properties": {"module": "aws-cdk-lib", "flags": {}}
                },
                "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}},
                "Future": {"type": "cdk:something-new"}
              },
              "missing": [
                {"key": "ssm:account=111111111111:parameterName=/cdkj/sample/message:region=us-east-2",
                 "provider": "ssm",
                 "props": {"account": "111111111111", "region": "us-east-2", "parameterName": "/cdkj/sample/message",
                           "lookupRoleArn": "arn:${AWS::Partition}:iam::111111111111:role/lookup",
                           "lookupRoleExternalId": "ext-9", "dummyValue": "dummy"}}
              ]
            }
            """;

    private static final String NESTED = """
            {
              "version": "54.0.0",
              "artifacts": {
                "StageInner1A2B3C": {
                  "type": "aws:cloudformation:stack",
                  "environment": "aws://unknown-account/unknown-region",
                  "properties": {"templateFile": "StageInner1A2B3C.template.json", "stackName": "Stage-Inner"},
                  "displayName": "Stage/Inner"
                }
              },
              "missing": [
                {"key": "availability-zones:account=333333333333:region=us-east-1", "provider": "availability-zones",
                 "props": {"account": "333333333333", "region": "us-east-1"}},
                {"key": "ssm:account=111111111111:parameterName=/cdkj/sample/message:region=us-east-2",
                 "provider": "ssm", "props": {"account": "111111111111", "region": "us-east-2"}}
              ]
            }
            """;

    @TempDir
    Path dir;

    private final AssemblyReader reader = new AssemblyReader();

    @Test
    void read_schema54WithStage_findsAllStacksAndSkipsUnknownArtifacts() throws IOException {
        // given
        writeAssembly();

        // when
        CloudAssembly assembly = reader.read(dir);

        // then
        assertThat(assembly.version()).isEqualTo("54.0.0");
        assertThat(assembly.stackIds()).containsExactly("devSampleApp", "prodSampleApp", "Stage/Inner");
        StackArtifact inner = assembly.stack("Stage/Inner").orElseThrow();
        assertThat(inner.id()).isEqualTo("StageInner1A2B3C");
        assertThat(inner.stackName()).isEqualTo("Stage-Inner");
        assertThat(inner.concreteEnvironment()).isEmpty();
        assertThat(inner.templateFile()).isEqualTo(dir.resolve("assembly-Stage/StageInner1A2B3C.template.json"));
        assertThat(assembly.stack("prod-sample").orElseThrow().id()).isEqualTo("prodSampleApp");
        assertThat(assembly.stack("nope")).isEmpty();
    }

    @Test
    void read_stackProperties_exposesWhatDeployNeeds() throws IOException {
        // given
        writeAssembly();

        // when
        StackArtifact dev = reader.read(dir).stack("devSampleApp").orElseThrow();

        // then
        assertThat(dev.concreteEnvironment()).contains(new AwsEnvironment("111111111111", "us-east-2"));
        assertThat(dev.templateFile()).isEqualTo(dir.resolve("devSampleApp.template.json"));
        assertThat(dev.parameters()).containsEntry("Env", "dev");
        assertThat(dev.tags()).containsEntry("team", "platform");
        assertThat(dev.terminationProtection()).isTrue();
        assertThat(dev.deployRole()).contains(RoleToAssume.of("arn:${AWS::Partition}:iam::111111111111:role/deploy",
                Optional.of("ext-1")));
        assertThat(dev.cloudFormationExecutionRoleArn()).contains("arn:${AWS::Partition}:iam::111111111111:role/exec");
        assertThat(dev.requiresBootstrapStackVersion()).hasValue(6);
        assertThat(dev.bootstrapStackVersionSsmParameter()).contains("/cdk-bootstrap/hnb659fds/version");
        assertThat(dev.stackTemplateAssetObjectUrl()).contains("s3://bucket/abc.json");
        assertThat(dev.lookupRole().orElseThrow().arnTemplate()).isEqualTo("arn:${AWS::Partition}:iam::111111111111:role/lookup");
        assertThat(dev.assetManifests()).containsExactly(dir.resolve("devSampleApp.assets.json"));
        assertThat(dev.stackDependencies()).isEmpty();
        assertThat(dev.errors()).extracting(Annotation::render)
                .containsExactly("[Error at /devSampleApp] Need to perform AWS calls for account 111111111111");
        StackArtifact prod = reader.read(dir).stack("prodSampleApp").orElseThrow();
        assertThat(prod.stackDependencies()).containsExactly("devSampleApp");
        assertThat(prod.terminationProtection()).isFalse();
        assertThat(prod.deployRole()).isEmpty();
    }

    @Test
    void read_missingInTopAndNested_deduplicatesByKey() throws IOException {
        // given
        writeAssembly();

        // when
        CloudAssembly assembly = reader.read(dir);

        // then
        assertThat(assembly.missing()).extracting(MissingContext::provider).containsExactly("ssm", "availability-zones");
        MissingContext ssm = assembly.missing().get(0);
        assertThat(ssm.environment()).contains(new AwsEnvironment("111111111111", "us-east-2"));
        assertThat(ssm.lookupRole()).contains(RoleToAssume.of("arn:${AWS::Partition}:iam::111111111111:role/lookup",
                Optional.of("ext-9")));
        assertThat(ssm.target()).contains(new CredentialTarget(new AwsEnvironment("111111111111", "us-east-2"),
                Mode.READ, ssm.lookupRole()));
        assertThat(ssm.text("parameterName")).contains("/cdkj/sample/message");
    }

    @Test
    void props_mutatingReturnedCopy_leavesRecordUnchanged() throws IOException {
        // given
        writeAssembly();
        MissingContext ssm = reader.read(dir).missing().get(0);

        // when
        ssm.props().put("account", "999999999999");

        // then
        assertThat(ssm.account()).contains("111111111111");
    }

    @Test
    void read_noManifest_failsWithAssemblyErrorNamingFile() {
        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSEMBLY))
                .hasMessageContaining(dir.resolve("manifest.json").toString())
                .hasMessageContaining("CDK_OUTDIR");
    }

    @Test
    void read_corruptJson_failsWithAssemblyErrorNamingFile() throws IOException {
        // given
        Files.writeString(dir.resolve("manifest.json"), "{\"version\": \"54.0.0\", \"artifacts\": {");

        // then
        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSEMBLY))
                .hasMessageStartingWith("Corrupt cloud assembly manifest " + dir.resolve("manifest.json"));
    }

    @Test
    void read_stackWithoutTemplate_failsNamingStack() throws IOException {
        // given
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": "54.0.0", "artifacts": {"s": {"type": "aws:cloudformation:stack",
                 "environment": "aws://111111111111/us-east-2", "properties": {}}}}""");

        // then
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(ToolkitException.class)
                .hasMessageContaining("stack 's' has no properties.templateFile");
    }

    @Test
    void read_nestedAssemblyMissing_failsNamingNestedManifest() throws IOException {
        // given
        Files.writeString(dir.resolve("manifest.json"), TOP);

        // then
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(ToolkitException.class)
                .hasMessageContaining(dir.resolve("assembly-Stage/manifest.json").toString());
    }

    private void writeAssembly() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), TOP);
        Files.createDirectories(dir.resolve("assembly-Stage"));
        Files.writeString(dir.resolve("assembly-Stage/manifest.json"), NESTED);
    }
}
