package io.cdkj.toolkit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdkj.toolkit.testing.NodeCdkCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cdkj's rendering of a template's changes equals the real Node CDK CLI's ({@code cdk diff --template},
 * no AWS call): the description, a changed parameter default, resources added, removed and changed
 * (a property tree down to a JSON value shown as a line diff with context lines), an output changed,
 * and the {@code AWS::CDK::Metadata} resource left out.
 */
class NodeCliTemplateChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void render_mixedChanges_sameLinesAsTheNodeCli() throws Exception {
        compare(DEPLOYED, PROPOSED, 3);
    }

    @Test
    void render_oneContextLine_sameLinesAsTheNodeCli() throws Exception {
        compare(DEPLOYED, PROPOSED, 1);
    }

    private void compare(String deployedJson, String proposedJson, int contextLines) throws Exception {
        // given
        NodeCdkCli node = NodeCdkCli.require();
        JsonNode deployed = JSON.readTree(deployedJson);
        JsonNode proposed = JSON.readTree(proposedJson);
        Path assembly = Files.createDirectories(dir.resolve("asm"));
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"S": {"type": "aws:cloudformation:stack",
                  "environment": "aws://123456789012/us-east-1", "properties": {"templateFile": "S.template.json"}}}}""");
        Files.writeString(assembly.resolve("S.template.json"), JSON.writeValueAsString(proposed));
        Files.writeString(dir.resolve("old.json"), JSON.writeValueAsString(deployed));

        // when
        NodeCdkCli.Run run = node.run(dir, Map.of("AWS_REGION", "us-east-1"), "diff", "--app", "asm", "--template",
                "old.json", "--context-lines", String.valueOf(contextLines), "S");
        TemplateChanges.Rendering ours = TemplateChanges.render(deployed, proposed, contextLines, false);

        // then: Node's lines after the security tables, up to the summary
        String output = run.output();
        int start = output.indexOf(SecurityTable.NOTE);
        start = start < 0 ? output.indexOf("Stack S\n") + "Stack S\n".length() : start + SecurityTable.NOTE.length();
        int end = output.indexOf("\n✨");
        assertThat(end).as(output).isGreaterThan(start);
        assertThat(String.join("\n", ours.lines()).strip()).isEqualTo(output.substring(start, end).strip());
        assertThat(ours.differences()).isEqualTo(7);
    }

    private static final String DEPLOYED = """
            {"Description": "v1",
             "Parameters": {"Size": {"Type": "Number", "Default": 1}},
             "Resources": {
               "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 30}},
               "Old": {"Type": "AWS::SNS::Topic"},
               "Param": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String",
                 "Value": {"Fn::Join": ["", ["a", "b", "c", "d", "e", "f", "g"]]}}},
               "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:old"}}},
             "Outputs": {"Url": {"Value": "https://old"}}}""";

    private static final String PROPOSED = """
            {"Description": "v2",
             "Parameters": {"Size": {"Type": "Number", "Default": 2}},
             "Resources": {
               "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 60}},
               "New": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "new"}},
               "Param": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String",
                 "Value": {"Fn::Join": ["", ["a", "b", "c", "X", "e", "f", "g"]]}}},
               "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:new"}}},
             "Outputs": {"Url": {"Value": "https://new"}}}""";
}
