package io.cdkj.toolkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdkj.toolkit.ErrorCode;
import io.cdkj.toolkit.ToolkitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdkj's bootstrap template read as the CLIs read it, and checked for internal consistency. */
class BootstrapTemplateTest {

    private static final BootstrapTemplate BUNDLED = BootstrapTemplate.bundled();
    private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.[A-Za-z]+)?}");

    @TempDir
    Path dir;

    @Test
    void bundled_versionVariantAndTheVersionParameterAgree() {
        // when
        int version = BUNDLED.version();

        // then
        assertThat(version).isEqualTo(33);
        assertThat(BUNDLED.parsed().at("/Resources/CdkBootstrapVersion/Properties/Value").asText())
                .as("the SSM parameter and the BootstrapVersion output carry the same literal").isEqualTo("33");
        assertThat(BUNDLED.parsed().at("/Resources/CdkBootstrapVersion/Properties/Name/Fn::Sub").asText())
                .isEqualTo("/cdk-bootstrap/${Qualifier}/version");
        assertThat(BUNDLED.variant()).isEqualTo("cdkj: Default Resources").isNotEqualTo(BootstrapTemplate.CDK_DEFAULT_VARIANT);
    }

    @Test
    void bundled_declaresEveryParameterTheCliPasses_andFitsInline() {
        assertThat(BUNDLED.parameterNames()).contains(BootstrapParameterNames.QUALIFIER,
                BootstrapParameterNames.TRUSTED_ACCOUNTS, BootstrapParameterNames.TRUSTED_ACCOUNTS_FOR_LOOKUP,
                BootstrapParameterNames.EXECUTION_POLICIES, BootstrapParameterNames.BUCKET_NAME,
                BootstrapParameterNames.KMS_KEY_ID, BootstrapParameterNames.PUBLIC_ACCESS_BLOCK,
                BootstrapParameterNames.DENY_EXTERNAL_ID, BootstrapParameterNames.PLUGIN_ROLES,
                BootstrapParameterNames.VARIANT);
        assertThat(BUNDLED.text().getBytes(StandardCharsets.UTF_8).length).isLessThan(BootstrapTemplate.INLINE_LIMIT);
        assertThat(BUNDLED.parsed().at("/Parameters/Qualifier/Default").asText())
                .isEqualTo(BootstrapParameterNames.DEFAULT_QUALIFIER);
    }

    @Test
    void bundled_namesWhatTheDefaultStackSynthesizerExpects() {
        // then: the physical names aws-cdk-lib's DefaultStackSynthesizer puts into a cloud assembly
        Map<String, String> names = Map.of(
                "DeploymentActionRole", "cdk-${Qualifier}-deploy-role-${AWS::AccountId}-${AWS::Region}",
                "FilePublishingRole", "cdk-${Qualifier}-file-publishing-role-${AWS::AccountId}-${AWS::Region}",
                "ImagePublishingRole", "cdk-${Qualifier}-image-publishing-role-${AWS::AccountId}-${AWS::Region}",
                "LookupRole", "cdk-${Qualifier}-lookup-role-${AWS::AccountId}-${AWS::Region}",
                "CloudFormationExecutionRole", "cdk-${Qualifier}-cfn-exec-role-${AWS::AccountId}-${AWS::Region}");
        names.forEach((logicalId, name) -> assertThat(
                BUNDLED.parsed().at("/Resources/" + logicalId + "/Properties/RoleName/Fn::Sub").asText())
                .as(logicalId).isEqualTo(name));
        assertThat(BUNDLED.parsed().at("/Resources/StagingBucket/Properties/BucketName/Fn::If/2/Fn::Sub").asText())
                .isEqualTo("cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}");
        assertThat(BUNDLED.parsed().at("/Resources/ContainerAssetsRepository/Properties/RepositoryName/Fn::Sub").asText())
                .isEqualTo("cdk-${Qualifier}-container-assets-${AWS::AccountId}-${AWS::Region}");
        assertThat(BUNDLED.parsed().path("Outputs").fieldNames()).toIterable()
                .contains("BucketName", "BucketDomainName", "ImageRepositoryName", "BootstrapVersion");
    }

    @Test
    void bundled_lookupRoleReadsEverythingButNoSecretValues() {
        // given
        JsonNode lookup = BUNDLED.parsed().at("/Resources/LookupRole/Properties");

        // then
        assertThat(lookup.at("/ManagedPolicyArns/0/Fn::Sub").asText()).endsWith(":iam::aws:policy/ReadOnlyAccess");
        JsonNode deny = lookup.at("/Policies/0/PolicyDocument/Statement/0");
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Action")).extracting(JsonNode::asText)
                .contains("kms:Decrypt", "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue");
        assertThat(deny.path("Resource").asText()).isEqualTo("*");
    }

    @Test
    void bundled_deployRoleDeploysPassesTheExecutionRoleAndReadsTheVersion() {
        // given
        List<String> actions = new ArrayList<>();
        BUNDLED.parsed().at("/Resources/DeploymentActionRole/Properties/Policies/0/PolicyDocument/Statement")
                .forEach(statement -> statement.path("Action").forEach(action -> actions.add(action.asText())));
        BUNDLED.parsed().at("/Resources/DeploymentActionRole/Properties/Policies/0/PolicyDocument/Statement")
                .forEach(statement -> {
                    if (statement.path("Action").isTextual()) {
                        actions.add(statement.path("Action").asText());
                    }
                });

        // then: what cdkj's and the Node CLI's deploy, destroy and rollback call
        assertThat(actions).contains("cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet",
                "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:UpdateTerminationProtection",
                "cloudformation:RollbackStack", "cloudformation:ContinueUpdateRollback", "iam:PassRole",
                "ssm:GetParameter", "ssm:GetParameters", "s3:GetObject*", "s3:PutObject", "sts:GetCallerIdentity");
        assertThat(BUNDLED.parsed().at("/Resources/DeploymentActionRole/Properties/ManagedPolicyArns/0/Fn::Sub").asText())
                .endsWith(":iam::aws:policy/AWSCloudFormationReadOnlyAccess");
    }

    @Test
    void bundled_everyReferenceAndConditionIsDeclared() {
        // given
        Set<String> declared = new HashSet<>(BUNDLED.parameterNames());
        BUNDLED.parsed().path("Resources").fieldNames().forEachRemaining(declared::add);
        declared.addAll(List.of("AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::NoValue", "AWS::URLSuffix"));
        Set<String> conditions = new HashSet<>();
        BUNDLED.parsed().path("Conditions").fieldNames().forEachRemaining(conditions::add);
        List<String> references = new ArrayList<>();
        List<String> usedConditions = new ArrayList<>();

        // when
        collect(BUNDLED.parsed(), references, usedConditions);

        // then
        assertThat(references).isNotEmpty().allSatisfy(name -> assertThat(declared).as("declared").contains(name));
        assertThat(usedConditions).isNotEmpty().allSatisfy(name -> assertThat(conditions).contains(name));
        assertThat(usedConditions).containsAll(conditions);
    }

    @Test
    void read_customYamlWithShortFormTags_keepsTheTextAndReadsVersionAndVariant() throws Exception {
        // given: a custom template as a user writes it, with short-form tags
        Path file = dir.resolve("custom.yaml");
        Files.writeString(file, """
                Parameters:
                  Qualifier: {Type: String, Default: custom}
                  BootstrapVariant: {Type: String, Default: 'Acme: hardened'}
                Resources:
                  CdkBootstrapVersion:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: !Sub '/cdk-bootstrap/${Qualifier}/version'
                      Type: String
                      Value: '21'
                """);

        // when
        BootstrapTemplate template = BootstrapTemplate.read(file);

        // then
        assertThat(template.version()).isEqualTo(21);
        assertThat(template.variant()).isEqualTo("Acme: hardened");
        assertThat(template.text()).contains("!Sub '/cdk-bootstrap/${Qualifier}/version'");
        assertThat(template.parsed().at("/Resources/CdkBootstrapVersion/Properties/Name/Fn::Sub").asText())
                .isEqualTo("/cdk-bootstrap/${Qualifier}/version");
        assertThat(template.body()).contains("{\"Fn::Sub\":\"/cdk-bootstrap/${Qualifier}/version\"}");
        assertThat(template.declares("Qualifier")).isTrue();
        assertThat(template.declares(BootstrapParameterNames.DENY_EXTERNAL_ID)).isFalse();
    }

    @Test
    void read_jsonWithoutVersionOrVariant_isVersionZeroOfTheCdkVariant() throws Exception {
        // given
        Path file = dir.resolve("legacy.json");
        Files.writeString(file, "{\"Resources\": {\"Bucket\": {\"Type\": \"AWS::S3::Bucket\"}}}");

        // when
        BootstrapTemplate template = BootstrapTemplate.read(file);

        // then
        assertThat(template.version()).isZero();
        assertThat(template.variant()).isEqualTo(BootstrapTemplate.CDK_DEFAULT_VARIANT);
        assertThat(template.parameterNames()).isEmpty();
    }

    @Test
    void read_notATemplate_failsNamingTheFile() throws Exception {
        // given
        Path notATemplate = Files.writeString(dir.resolve("notes.yaml"), "just: some yaml\n");
        Path missing = dir.resolve("missing.yaml");
        Path large = Files.writeString(dir.resolve("large.yaml"),
                "Resources: {P: {Type: AWS::SSM::Parameter, Properties: {Description: '" + "x".repeat(52_000) + "'}}}\n");

        // then
        assertThatThrownBy(() -> BootstrapTemplate.read(notATemplate)).isInstanceOf(ToolkitException.class)
                .hasMessageContaining("--template " + notATemplate).hasMessageContaining("no Resources section")
                .extracting(e -> ((ToolkitException) e).code()).isEqualTo(ErrorCode.USAGE);
        assertThatThrownBy(() -> BootstrapTemplate.read(missing)).isInstanceOf(ToolkitException.class)
                .hasMessageContaining("--template " + missing);
        assertThatThrownBy(() -> BootstrapTemplate.read(large)).isInstanceOf(ToolkitException.class)
                .hasMessageContaining("larger than 51200 bytes as JSON");
    }

    /** Collects Ref targets, ${…} names in Fn::Sub, Fn::GetAtt resources, and condition names used. */
    private static void collect(JsonNode node, List<String> references, List<String> conditions) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "Ref" -> references.add(value.asText());
                    case "Fn::GetAtt" -> references.add(value.get(0).asText());
                    case "Fn::Sub" -> {
                        Matcher matcher = SUB_REFERENCE.matcher(value.asText());
                        while (matcher.find()) {
                            references.add(matcher.group(1));
                        }
                    }
                    case "Fn::If" -> conditions.add(value.get(0).asText());
                    case "Condition" -> {
                        if (value.isTextual()) {
                            conditions.add(value.asText());
                        }
                    }
                    default -> { }
                }
                collect(value, references, conditions);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, references, conditions));
        }
    }
}
