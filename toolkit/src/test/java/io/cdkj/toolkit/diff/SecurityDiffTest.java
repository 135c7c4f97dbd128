package io.cdkj.toolkit.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cdkj.toolkit.diff.SecurityChanges.PermissionChange;
import org.junit.jupiter.api.Test;

/** The security-relevant changes between two templates, and whether they widen permissions. */
class SecurityDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ROLE = """
            "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}""";

    @Test
    void between_stackWhoseOnlyChangeWidensAnIamPolicy_isBroadening() throws Exception {
        // given: the same stack, one more action in its policy
        JsonNode deployed = template(ROLE + "," + policy("\"s3:GetObject\""));
        JsonNode proposed = template(ROLE + "," + policy("[\"s3:GetObject\", \"s3:PutObject\"]"));

        // when
        SecurityChanges changes = SecurityDiff.between(deployed, proposed);

        // then
        assertThat(changes.permissionChange()).isEqualTo(PermissionChange.BROADENING);
        assertThat(changes.statements().added()).singleElement().satisfies(s -> {
            assertThat(s.actions().values()).containsExactly("s3:GetObject", "s3:PutObject");
            assertThat(s.principals().values()).containsExactly("AWS:${Role}");
            assertThat(s.resources().values()).containsExactly("arn:aws:s3:::b/*");
        });
        assertThat(changes.statements().removed()).singleElement()
                .satisfies(s -> assertThat(s.actions().values()).containsExactly("s3:GetObject"));
        assertThat(changes.managedPolicies().changed()).isFalse();
    }

    @Test
    void between_statementRewrittenNarrower_stillCountsAsBroadeningAsInTheNodeCli() throws Exception {
        SecurityChanges changes = SecurityDiff.between(template(ROLE + "," + policy("[\"s3:GetObject\", \"s3:PutObject\"]")),
                template(ROLE + "," + policy("\"s3:GetObject\"")));

        // whole statements are compared: the rewritten Allow is a new statement, so the change asks for approval
        assertThat(changes.permissionChange()).isEqualTo(PermissionChange.BROADENING);
        assertThat(changes.statements().added()).singleElement()
                .satisfies(s -> assertThat(s.actions().values()).containsExactly("s3:GetObject"));
    }

    @Test
    void between_allowStatementRemovedEntirely_isNotBroadening() throws Exception {
        String two = "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"},"
                + " {\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}]";
        String one = "[{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]";

        SecurityChanges changes = SecurityDiff.between(template(ROLE + "," + policyStatements(two)),
                template(ROLE + "," + policyStatements(one)));

        assertThat(changes.permissionChange()).isEqualTo(PermissionChange.NON_BROADENING);
        assertThat(changes.statements().removed()).singleElement()
                .satisfies(s -> assertThat(s.actions().values()).containsExactly("s3:PutObject"));
    }

    @Test
    void between_denyRemoved_isBroadeningAndDenyAdded_isNot() throws Exception {
        String allow = "{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}";
        String deny = "{\"Effect\": \"Deny\", \"Action\": \"s3:DeleteBucket\", \"Resource\": \"*\"}";
        JsonNode withDeny = template(ROLE + "," + policyStatements("[" + allow + "," + deny + "]"));
        JsonNode withoutDeny = template(ROLE + "," + policyStatements("[" + allow + "]"));

        assertThat(SecurityDiff.between(withDeny, withoutDeny).permissionChange()).isEqualTo(PermissionChange.BROADENING);
        assertThat(SecurityDiff.between(withoutDeny, withDeny).permissionChange())
                .isEqualTo(PermissionChange.NON_BROADENING);
    }

    @Test
    void between_allowWithNotActionAdded_isNegativeSoNotBroadening() throws Exception {
        JsonNode before = template(ROLE);
        JsonNode after = template(ROLE + "," + policyStatements(
                "[{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}]"));

        SecurityChanges changes = SecurityDiff.between(before, after);

        assertThat(changes.statements().added()).singleElement().satisfies(s -> {
            assertThat(s.negative()).isTrue();
            assertThat(s.actions().render()).isEqualTo("NOT iam:*");
        });
        assertThat(changes.broadening()).isFalse();
    }

    @Test
    void between_managedPolicyAttached_isBroadeningWithTheRenderedArn() throws Exception {
        String withManaged = """
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": [{"Fn::Join": ["",
                  ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/AdministratorAccess"]]}]}}""";

        SecurityChanges changes = SecurityDiff.between(template("\"Role\": {\"Type\": \"AWS::IAM::Role\"}"),
                template(withManaged));

        assertThat(changes.managedPolicies().added())
                .containsExactly(new ManagedPolicyAttachment("${Role}", "arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"));
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_newStack_everyStatementIsAnAddition() throws Exception {
        SecurityChanges changes = SecurityDiff.between(MissingNode.getInstance(), template(ROLE + "," + policy("\"s3:*\"")));

        assertThat(changes.statements().added()).hasSize(2);
        assertThat(changes.statements().added()).anySatisfy(s -> {
            assertThat(s.resources().values()).containsExactly("${Role.Arn}");
            assertThat(s.principals().values()).containsExactly("Service:lambda.amazonaws.com");
            assertThat(s.actions().values()).containsExactly("sts:AssumeRole");
        });
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_trustPolicyOpenedToAnotherAccount_isBroadening() throws Exception {
        String trusting = """
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"},
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole"}]}}}""";

        SecurityChanges changes = SecurityDiff.between(template(ROLE), template(trusting));

        assertThat(changes.statements().added()).singleElement()
                .satisfies(s -> assertThat(s.principals().values()).containsExactly("AWS:arn:aws:iam::999999999999:root"));
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_ingressRuleWidenedToEveryone_isBroadening() throws Exception {
        SecurityChanges changes = SecurityDiff.between(template(securityGroup("10.0.0.0/8")),
                template(securityGroup("0.0.0.0/0")));

        assertThat(changes.ingress().added()).singleElement().satisfies(r -> {
            assertThat(r.groupId()).isEqualTo("${SG.GroupId}");
            assertThat(r.describeProtocol()).isEqualTo("TCP 443");
            assertThat(r.describePeer()).isEqualTo("Everyone (IPv4)");
        });
        assertThat(changes.ingress().removed()).singleElement().satisfies(r -> assertThat(r.describePeer()).isEqualTo("10.0.0.0/8"));
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_ingressRuleRemoved_isNotBroadening() throws Exception {
        SecurityChanges changes = SecurityDiff.between(template(securityGroup("10.0.0.0/8")),
                template("\"SG\": {\"Type\": \"AWS::EC2::SecurityGroup\", \"Properties\": {\"GroupDescription\": \"d\"}}"));

        assertThat(changes.permissionChange()).isEqualTo(PermissionChange.NON_BROADENING);
    }

    @Test
    void between_ruleResourcesAndEgress_areRules() throws Exception {
        String rules = """
                "In": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": {"Fn::GetAtt": ["SG", "GroupId"]},
                  "IpProtocol": "udp", "FromPort": 53, "ToPort": 54, "SourceSecurityGroupId": "sg-123"}},
                "Out": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {"GroupId": "sg-9",
                  "IpProtocol": "-1", "CidrIpv6": "::/0"}},
                "All": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {"GroupId": "sg-9",
                  "IpProtocol": "icmp", "FromPort": -1, "ToPort": -1, "SourcePrefixListId": "pl-1"}}""";

        SecurityChanges changes = SecurityDiff.between(template(""), template(rules));

        assertThat(changes.ingress().added()).extracting(SecurityGroupRule::groupId, SecurityGroupRule::describeProtocol,
                SecurityGroupRule::describePeer).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("${SG.GroupId}", "UDP 53-54", "sg-123"),
                        org.assertj.core.groups.Tuple.tuple("sg-9", "All ICMP", "pl-1"));
        assertThat(changes.egress().added()).singleElement().satisfies(r -> {
            assertThat(r.describeProtocol()).isEqualTo("Everything");
            assertThat(r.describePeer()).isEqualTo("Everyone (IPv6)");
        });
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_lambdaPermissions_becomeStatementsForTheirPrincipal() throws Exception {
        String permissions = """
                "ByService": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction",
                  "FunctionName": {"Fn::GetAtt": ["Fn", "Arn"]}, "Principal": "s3.amazonaws.com",
                  "SourceArn": "arn:aws:s3:::b", "SourceAccount": "123456789012"}},
                "ByAccount": {"Type": "AWS::Lambda::Permission", "Properties": {"Action": "lambda:InvokeFunction",
                  "FunctionName": "fn", "Principal": "999999999999"}}""";

        SecurityChanges changes = SecurityDiff.between(template(""), template(permissions));

        assertThat(changes.statements().added()).hasSize(2);
        PolicyStatement byService = changes.statements().added().get(0);
        assertThat(byService.resources().values()).containsExactly("${Fn.Arn}");
        assertThat(byService.principals().values()).containsExactly("Service:s3.amazonaws.com");
        assertThat(byService.condition().at("/ArnLike/AWS:SourceArn").asText()).isEqualTo("arn:aws:s3:::b");
        assertThat(byService.condition().at("/StringEquals/AWS:SourceAccount").asText()).isEqualTo("123456789012");
        assertThat(changes.statements().added().get(1).principals().values())
                .containsExactly("AWS:arn:aws:iam::999999999999:root");
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_bucketPolicy_appliesToItsBucket() throws Exception {
        String policy = """
                "BP": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}}}""";

        SecurityChanges changes = SecurityDiff.between(template(""), template(policy));

        assertThat(changes.statements().added()).singleElement().satisfies(s -> {
            assertThat(s.resources().values()).containsExactly("${B}");
            assertThat(s.principals().values()).containsExactly("*");
        });
    }

    @Test
    void between_rolePolicyResource_appliesToTheNamedRole() throws Exception {
        String policy = """
                "RP": {"Type": "AWS::IAM::RolePolicy", "Properties": {"RoleName": {"Ref": "Role"}, "PolicyName": "p",
                  "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}}""";

        SecurityChanges changes = SecurityDiff.between(template(ROLE), template(ROLE + "," + policy));

        assertThat(changes.statements().added()).singleElement()
                .satisfies(s -> assertThat(s.principals().values()).containsExactly("AWS:${Role}"));
        assertThat(changes.broadening()).isTrue();
    }

    @Test
    void between_statementThatIsAnIntrinsic_isKeptAsItsText() throws Exception {
        String conditional = """
                "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p", "PolicyDocument":
                  {"Statement": [{"Fn::If": ["IsProd", {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Ref": "AWS::NoValue"}]}]}}]}}""";

        SecurityChanges changes = SecurityDiff.between(template("\"Role\": {\"Type\": \"AWS::IAM::Role\"}"),
                template(conditional));

        assertThat(changes.statements().added()).singleElement().satisfies(s -> {
            assertThat(s.unparsed()).hasValueSatisfying(text -> assertThat(text).startsWith("{\"Fn::If\":[\"IsProd\","));
            assertThat(s.principals().values()).containsExactly("AWS:${Role}");
        });
    }

    @Test
    void between_onlyNonSecurityChanges_isNone() throws Exception {
        String before = ROLE + ", \"P\": {\"Type\": \"AWS::SSM::Parameter\", \"Properties\": {\"Type\": \"String\", \"Value\": \"a\"}}";
        String after = ROLE + ", \"P\": {\"Type\": \"AWS::SSM::Parameter\", \"Properties\": {\"Type\": \"String\", \"Value\": \"b\"}}";

        SecurityChanges changes = SecurityDiff.between(template(before), template(after));

        assertThat(changes.permissionChange()).isEqualTo(PermissionChange.NONE);
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void between_resourceTypeChanged_comparesOldAndNewAsWholes() throws Exception {
        String asPolicy = "\"X\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"Roles\": [\"r\"], \"PolicyDocument\":"
                + " {\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}}}";
        String asParameter = "\"X\": {\"Type\": \"AWS::SSM::Parameter\", \"Properties\": {\"Type\": \"String\", \"Value\": \"v\"}}";

        SecurityChanges changes = SecurityDiff.between(template(asPolicy), template(asParameter));

        assertThat(changes.statements().removed()).hasSize(1);
        assertThat(changes.statements().added()).isEmpty();
        assertThat(changes.permissionChange()).isEqualTo(PermissionChange.NON_BROADENING);
    }

    static JsonNode template(String resources) throws Exception {
        return JSON.readTree("{\"Resources\": {" + resources + "}}");
    }

    static String policy(String actions) {
        return policyStatements("[{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": \"arn:aws:s3:::b/*\"}]");
    }

    static String policyStatements(String statements) {
        return "\"Policy\": {\"Type\": \"AWS::IAM::Policy\", \"Properties\": {\"PolicyName\": \"p\", \"Roles\": [{\"Ref\": \"Role\"}],"
                + " \"PolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": " + statements + "}}}";
    }

    static String securityGroup(String cidr) {
        return "\"SG\": {\"Type\": \"AWS::EC2::SecurityGroup\", \"Properties\": {\"GroupDescription\": \"d\","
                + " \"SecurityGroupIngress\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443, \"CidrIp\": \"" + cidr + "\"}]}}";
    }
}
