package io.cdkj.toolkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class TemplateDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void lines_addedRemovedChanged_oneLineEachWithTypeAndChangedProperties() throws Exception {
        var deployed = json.readTree("{\"Resources\":{\"Old\":{\"Type\":\"AWS::SNS::Topic\"},"
                + "\"Param\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Value\":\"a\",\"Type\":\"String\"}}}}");
        var local = json.readTree("{\"Resources\":{\"New\":{\"Type\":\"AWS::SQS::Queue\"},"
                + "\"Param\":{\"Type\":\"AWS::SSM::Parameter\",\"Properties\":{\"Value\":\"b\",\"Type\":\"String\"}}},"
                + "\"Outputs\":{\"Out\":{\"Value\":\"x\"}}}");

        assertThat(TemplateDiff.lines(deployed, local)).containsExactly(
                "[+] Resources New (AWS::SQS::Queue)",
                "[-] Resources Old (AWS::SNS::Topic)",
                "[~] Resources Param (AWS::SSM::Parameter): Value",
                "[+] Outputs Out");
    }

    @Test
    void lines_notDeployed_everythingAdded_andEqualTemplatesHaveNoLines() throws Exception {
        var local = json.readTree("{\"Resources\":{\"Param\":{\"Type\":\"AWS::SSM::Parameter\"}}}");

        assertThat(TemplateDiff.lines(MissingNode.getInstance(), local)).containsExactly("[+] Resources Param (AWS::SSM::Parameter)");
        assertThat(TemplateDiff.lines(local, local)).isEmpty();
    }
}
