package io.cdkj.toolkit.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A prebuilt two-stack cloud assembly and a shell "app" that copies it into {@code CDK_OUTDIR}: tests
 * of the commands' output without paying for a CDK app run.
 */
final class FixtureAssembly {

    private FixtureAssembly() {
    }

    /** Writes the assembly into {@code dir}; returns the app command that "synthesizes" it. */
    static String write(Path dir, boolean withMissing) throws IOException {
        Files.createDirectories(dir);
        String missing = withMissing ? """
                , "missing": [{"key": "ssm:account=111111111111:parameterName=/p:region=us-east-2", "provider": "ssm",
                   "props": {"account": "111111111111", "region": "us-east-2", "parameterName": "/p"}}]""" : "";
        Files.writeString(dir.resolve("manifest.json"), """
                {"version": "54.0.0", "artifacts": {
                  "devSampleApp": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/us-east-2",
                    "properties": {"templateFile": "devSampleApp.template.json"}, "displayName": "devSampleApp"},
                  "prodSampleApp": {"type": "aws:cloudformation:stack", "environment": "aws://333333333333/us-east-1",
                    "properties": {"templateFile": "prodSampleApp.template.json"}, "displayName": "prodSampleApp"}
                }%s}""".formatted(missing));
        Files.writeString(dir.resolve("devSampleApp.template.json"), """
                {"Resources": {"DeployedMessage": {"Type": "AWS::SSM::Parameter",
                  "Properties": {"Type": "String", "Value": "hello from dev"}}},
                 "Outputs": {"VpcId": {"Value": "vpc-0dev"}}}""");
        Files.writeString(dir.resolve("prodSampleApp.template.json"), """
                {"Resources": {"DeployedMessage": {"Type": "AWS::SSM::Parameter",
                  "Properties": {"Type": "String", "Value": "hello from prod"}}}}""");
        return "cp -R '" + dir + "/.' \"$CDK_OUTDIR\"";
    }
}
