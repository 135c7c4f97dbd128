package io.cdkj.sample;

import java.util.List;
import java.util.stream.Stream;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcLookupOptions;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * One environment's stack: reads {@value SampleApp#MESSAGE_PARAMETER} and the {@value SampleApp#VPC_NAME}
 * VPC from its own account at synth time, outputs them, and creates one SSM parameter holding the
 * looked-up message so a deploy has something to create.
 */
public final class SampleStack extends Stack {

    public SampleStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);

        String message = StringParameter.valueFromLookup(this, SampleApp.MESSAGE_PARAMETER);
        IVpc vpc = Vpc.fromLookup(this, "Vpc", VpcLookupOptions.builder().vpcName(SampleApp.VPC_NAME).build());

        StringParameter.Builder.create(this, "DeployedMessage")
                .parameterName("/cdkj/sample/deployed-message")
                .stringValue(message)
                .description("The message " + id + " read from " + SampleApp.MESSAGE_PARAMETER + " at synth time")
                .build();

        List<String> subnetIds = Stream.of(vpc.getPublicSubnets(), vpc.getPrivateSubnets(), vpc.getIsolatedSubnets())
                .flatMap(List::stream)
                .map(ISubnet::getSubnetId)
                .toList();
        CfnOutput.Builder.create(this, "Message").value(message).build();
        CfnOutput.Builder.create(this, "VpcId").value(vpc.getVpcId()).build();
        CfnOutput.Builder.create(this, "SubnetIds").value(Fn.join(",", subnetIds)).build();
    }
}
