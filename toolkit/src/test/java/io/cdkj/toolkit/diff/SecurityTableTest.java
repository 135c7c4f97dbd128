package io.cdkj.toolkit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The security changes rendered as the Node CDK CLI's tables. */
class SecurityTableTest {

    @Test
    void render_widenedPolicy_showsAddedAndRemovedStatementsUnderOneResource() throws Exception {
        // given
        JsonNode deployed = SecurityDiffTest.template(SecurityDiffTest.policy("\"s3:GetObject\""));
        JsonNode proposed = SecurityDiffTest.template(SecurityDiffTest.policy("[\"s3:GetObject\", \"s3:PutObject\"]"));

        // when
        String table = SecurityTable.render(SecurityDiff.between(deployed, proposed), deployed, proposed);

        // then
        assertThat(table).isEqualTo("""
                IAM Statement Changes
                ┌───┬──────────────────┬────────┬──────────────┬─────────────┬───────────┐
                │   │ Resource         │ Effect │ Action       │ Principal   │ Condition │
                ├───┼──────────────────┼────────┼──────────────┼─────────────┼───────────┤
                │ + │ arn:aws:s3:::b/* │ Allow  │ s3:GetObject │ AWS:${Role} │           │
                │   │                  │        │ s3:PutObject │             │           │
                │ - │ arn:aws:s3:::b/* │ Allow  │ s3:GetObject │ AWS:${Role} │           │
                └───┴──────────────────┴────────┴──────────────┴─────────────┴───────────┘
                """ + SecurityTable.NOTE);
    }

    @Test
    void render_logicalIdsWithPathMetadata_showConstructPaths() throws Exception {
        // given
        JsonNode proposed = SecurityDiffTest.template("""
                "MyRole1234": {"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": "App/Stack/MyRole/Resource"},
                  "Properties": {"ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}}""");
        JsonNode deployed = SecurityDiffTest.template("");

        // when
        String table = SecurityTable.render(SecurityDiff.between(deployed, proposed), deployed, proposed);

        // then
        assertThat(table).startsWith("IAM Policy Changes\n").contains("│ + │ ${Stack/MyRole} │ arn:aws:iam::aws:policy/ReadOnlyAccess │");
    }

    @Test
    void render_securityGroupRules_sortedByGroupThenDirection() throws Exception {
        // given
        JsonNode deployed = SecurityDiffTest.template(SecurityDiffTest.securityGroup("10.0.0.0/8"));
        JsonNode proposed = SecurityDiffTest.template(SecurityDiffTest.securityGroup("0.0.0.0/0") + ","
                + "\"Out\": {\"Type\": \"AWS::EC2::SecurityGroupEgress\", \"Properties\": {\"GroupId\": \"sg-1\","
                + " \"IpProtocol\": \"tcp\", \"FromPort\": 80, \"ToPort\": 80, \"CidrIp\": \"1.2.3.4/32\"}}");

        // when
        String table = SecurityTable.render(SecurityDiff.between(deployed, proposed), deployed, proposed);

        // then
        assertThat(table).isEqualTo("""
                Security Group Changes
                ┌───┬───────────────┬─────┬──────────┬─────────────────┐
                │   │ Group         │ Dir │ Protocol │ Peer            │
                ├───┼───────────────┼─────┼──────────┼─────────────────┤
                │ + │ ${SG.GroupId} │ In  │ TCP 443  │ Everyone (IPv4) │
                │ - │ ${SG.GroupId} │ In  │ TCP 443  │ 10.0.0.0/8      │
                ├───┼───────────────┼─────┼──────────┼─────────────────┤
                │ + │ sg-1          │ Out │ TCP 80   │ 1.2.3.4/32      │
                └───┴───────────────┴─────┴──────────┴─────────────────┘
                """ + SecurityTable.NOTE);
    }

    @Test
    void render_nothingSecurityRelevant_isEmpty() throws Exception {
        JsonNode template = SecurityDiffTest.template("\"P\": {\"Type\": \"AWS::SSM::Parameter\"}");

        assertThat(SecurityTable.render(SecurityDiff.between(template, template), template, template)).isEmpty();
    }
}
