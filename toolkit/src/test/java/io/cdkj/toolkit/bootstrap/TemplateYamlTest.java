package io.cdkj.toolkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** CloudFormation YAML, short-form tags included, read into the long form CloudFormation means. */
class TemplateYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void read_shortFormTags_becomeTheirLongForm() throws Exception {
        // given
        String yaml = """
                Conditions:
                  Trusted: !Not [!Equals ['', !Ref TrustedAccounts]]
                  Both: !And [!Condition Trusted, !Equals [a, a]]
                Resources:
                  Role:
                    Properties:
                      RoleName: !Sub 'cdk-${Qualifier}-role'
                      Arn: !GetAtt Bucket.Arn
                      Listed: !GetAtt [Bucket, RegionalDomainName]
                      Split: !Split [',', !Ref TrustedAccounts]
                      Count: 3
                      Enabled: true
                """;

        // when
        JsonNode tree = TemplateYaml.read(yaml);

        // then
        assertThat(tree).isEqualTo(JSON.readTree("""
                {"Conditions": {
                   "Trusted": {"Fn::Not": [{"Fn::Equals": ["", {"Ref": "TrustedAccounts"}]}]},
                   "Both": {"Fn::And": [{"Condition": "Trusted"}, {"Fn::Equals": ["a", "a"]}]}},
                 "Resources": {"Role": {"Properties": {
                   "RoleName": {"Fn::Sub": "cdk-${Qualifier}-role"},
                   "Arn": {"Fn::GetAtt": ["Bucket", "Arn"]},
                   "Listed": {"Fn::GetAtt": ["Bucket", "RegionalDomainName"]},
                   "Split": {"Fn::Split": [",", {"Ref": "TrustedAccounts"}]},
                   "Count": 3,
                   "Enabled": true}}}}
                """));
    }

    @Test
    void read_longFormAndJson_areLeftAsTheyAre() throws Exception {
        // given
        String json = "{\"Outputs\": {\"V\": {\"Value\": {\"Fn::GetAtt\": [\"P\", \"Value\"]}}}, \"N\": 1.5, \"Z\": null}";

        // then
        assertThat(TemplateYaml.read(json)).isEqualTo(JSON.readTree(json));
        assertThat(TemplateYaml.json(TemplateYaml.read(json))).isEqualTo(
                "{\"Outputs\":{\"V\":{\"Value\":{\"Fn::GetAtt\":[\"P\",\"Value\"]}}},\"N\":1.5,\"Z\":null}");
        assertThat(TemplateYaml.read("")).isNull();
    }
}
