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
 * cdkj's security table equals the real Node CDK CLI's ({@code cdk diff --template}, no AWS call) for a
 * change touching every kind it reports: a widened identity policy with a condition, managed policies
 * (one an {@code Fn::Join} ARN), a Lambda permission, inline and resource security group rules.
 */
class NodeCliSecurityTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void render_everyKindOfChange_sameTablesAsTheNodeCli() throws Exception {
        // given
        NodeCdkCli node = NodeCdkCli.require();
        JsonNode deployed = SecurityDiffTest.template(ROLE + "," + SecurityDiffTest.policy("\"s3:GetObject\"") + ","
                + SecurityDiffTest.securityGroup("10.0.0.0/8"));
        JsonNode proposed = SecurityDiffTest.template(ROLE_WITH_MANAGED + "," + WIDER_POLICY + "," + WIDER_GROUP + ","
                + PERMISSION_AND_RULE);
        Path assembly = Files.createDirectories(dir.resolve("asm"));
        Files.writeString(assembly.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"S": {"type": "aws:cloudformation:stack",
                  "environment": "aws://123456789012/us-east-1", "properties": {"templateFile": "S.template.json"}}}}""");
        Files.writeString(assembly.resolve("S.template.json"), JSON.writeValueAsString(proposed));
        Files.writeString(dir.resolve("old.json"), JSON.writeValueAsString(deployed));

        // when
        NodeCdkCli.Run run = node.run(dir, Map.of("AWS_REGION", "us-east-1"), "diff", "--app", "asm", "--template",
                "old.json", "S");
        String ours = SecurityTable.render(SecurityDiff.between(deployed, proposed), deployed, proposed);

        // then
        int start = run.output().indexOf("IAM Statement Changes");
        int end = run.output().indexOf(SecurityTable.NOTE);
        assertThat(start).as(run.output()).isNotNegative();
        assertThat(end).as(run.output()).isGreaterThan(start);
        assertThat(ours).isEqualTo(run.output().substring(start, end + SecurityTable.NOTE.length()));
    }

    private static final String ROLE = """
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}""";

    private static final String ROLE_WITH_MANAGED = """
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
              "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"},
              ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}]}}""";

    private static final String WIDER_POLICY = SecurityDiffTest.policyStatements("""
            [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*",
              "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}]""");

    private static final String WIDER_GROUP = """
            "SG": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "d", "SecurityGroupIngress": [
              {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"},
              {"IpProtocol": "-1", "CidrIp": "10.0.0.0/8"}]}}""";

    private static final String PERMISSION_AND_RULE = """
            "Perm": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction", "FunctionName": "fn",
              "Principal": "s3.amazonaws.com", "SourceAccount": "123456789012"}},
            "Ingress": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": {"Fn::GetAtt": ["SG", "GroupId"]},
              "IpProtocol": "udp", "FromPort": 53, "ToPort": 54, "SourceSecurityGroupId": "sg-123"}}""";
}
