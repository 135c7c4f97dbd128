package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdkj.toolkit.assembly.ResolvedStack;
import io.cdkj.toolkit.assembly.StackArtifact;
import io.cdkj.toolkit.access.RoleToAssume;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import io.cdkj.toolkit.assembly.AssemblyReader;
import io.cdkj.toolkit.assembly.CloudAssembly;
import io.cdkj.toolkit.aws.AwsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSelectionTest {

    @TempDir
    Path dir;

    private CloudAssembly assembly;

    @BeforeEach
    void writeAssembly() throws Exception {
        // network <- app <- monitoring ; other is independent; app has deploy properties
        Files.writeString(dir.resolve("manifest.json"), """
                {"version":"48.0.0","artifacts":{
                 "app.assets":{"type":"cdk:asset-manifest","properties":{"file":"app.assets.json"}},
                 "network":{"type":"aws:cloudformation:stack","environment":"aws://111111111111/us-east-2",
                   "properties":{"templateFile":"network.template.json"}},
                 "app":{"type":"aws:cloudformation:stack","environment":"aws://111111111111/us-east-2",
                   "properties":{"templateFile":"app.template.json","stackName":"dev-app","terminationProtection":true,
                     "tags":{"team":"platform"},"parameters":{"Env":"dev"},"notificationArns":["arn:aws:sns:us-east-2:111111111111:t"],
                     "assumeRoleArn":"arn:${AWS::Partition}:iam::111111111111:role/deploy","assumeRoleExternalId":"ext",
                     "cloudFormationExecutionRoleArn":"arn:${AWS::Partition}:iam::111111111111:role/exec",
                     "stackTemplateAssetObjectUrl":"s3://bucket/app.json"},
                   "dependencies":["network","app.assets"]},
                 "monitoring":{"type":"aws:cloudformation:stack","environment":"aws://111111111111/us-east-2",
                   "properties":{"templateFile":"monitoring.template.json"},"dependencies":["app"]},
                 "other":{"type":"aws:cloudformation:stack","environment":"aws://333333333333/us-east-1",
                   "properties":{"templateFile":"other.template.json"}},
                 "agnostic":{"type":"aws:cloudformation:stack","environment":"aws://unknown-account/unknown-region",
                   "properties":{"templateFile":"agnostic.template.json"}}}}
                """);
        assembly = new AssemblyReader().read(dir);
    }

    @Test
    void select_deploy_addsUpstreamDependenciesInManifestOrder() {
        List<ResolvedStack> selected = StackSelection.select(assembly, List.of("monitoring"), false,
                StackSelection.Extend.UPSTREAM);

        assertThat(selected).extracting(ResolvedStack::displayName).containsExactly("network", "app", "monitoring");
    }

    @Test
    void select_destroy_addsDownstreamDependents() {
        List<ResolvedStack> selected = StackSelection.select(assembly, List.of("network"), false,
                StackSelection.Extend.DOWNSTREAM);

        assertThat(selected).extracting(ResolvedStack::displayName).containsExactly("network", "app", "monitoring");
    }

    @Test
    void select_byStackNameOrWildcard_exclusively() {
        assertThat(StackSelection.select(assembly, List.of("dev-app"), false, StackSelection.Extend.NONE))
                .extracting(ResolvedStack::displayName).containsExactly("app");
        assertThat(StackSelection.select(assembly, List.of("oth*", "*-app", "net*"), false, StackSelection.Extend.NONE))
                .extracting(ResolvedStack::displayName).containsExactly("network", "app", "other");
    }

    @Test
    void select_stackWithDeployProperties_carriesThemIntoTheDeployment() {
        ResolvedStack resolved = StackSelection.select(assembly, List.of("app"), false, StackSelection.Extend.NONE).get(0);
        StackArtifact app = resolved.artifact();

        assertThat(resolved.stackName()).isEqualTo("dev-app");
        assertThat(resolved.environment()).isEqualTo(new AwsEnvironment("111111111111", "us-east-2"));
        assertThat(app.terminationProtection()).isTrue();
        assertThat(app.tags()).containsEntry("team", "platform");
        assertThat(app.parameters()).containsEntry("Env", "dev");
        assertThat(app.notificationArns()).containsExactly("arn:aws:sns:us-east-2:111111111111:t");
        assertThat(app.deployRole()).contains(RoleToAssume.of("arn:${AWS::Partition}:iam::111111111111:role/deploy",
                Optional.of("ext")));
        assertThat(app.cloudFormationExecutionRoleArn()).contains("arn:${AWS::Partition}:iam::111111111111:role/exec");
        assertThat(app.stackTemplateAssetObjectUrl()).contains("s3://bucket/app.json");
        assertThat(app.stackDependencies()).containsExactly("network");
        assertThat(app.assetManifests()).containsExactly(dir.toAbsolutePath().resolve("app.assets.json"));
    }

    @Test
    void select_unknownName_failsListingTheStacks() {
        assertThatThrownBy(() -> StackSelection.select(assembly, List.of("nope"), false, StackSelection.Extend.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessageContaining("'nope'").hasMessageContaining("network, app, monitoring, other");
    }

    @Test
    void select_noNameInMultiStackApp_asksForNamesOrAll() {
        assertThatThrownBy(() -> StackSelection.select(assembly, List.of(), false, StackSelection.Extend.UPSTREAM))
                .hasMessageContaining("--all");
    }

    @Test
    void select_environmentAgnosticStack_failsNamingIt() {
        assertThatThrownBy(() -> StackSelection.select(assembly, List.of("agnostic"), false, StackSelection.Extend.NONE))
                .isInstanceOfSatisfying(ToolkitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ASSEMBLY))
                .hasMessageContaining("agnostic").hasMessageContaining("unknown-account");
    }
}
