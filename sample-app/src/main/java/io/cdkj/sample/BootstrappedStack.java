package io.cdkj.sample;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * One environment's stack of {@link BootstrappedApp}: looks up {@value BootstrappedApp#MESSAGE_PARAMETER}
 * in its own account, deploys a Lambda function (code from {@code handler}, a file asset) with the
 * message in its environment, and a nested stack holding an SSM parameter with the message.
 */
public final class BootstrappedStack extends Stack {

    public BootstrappedStack(Construct scope, String id, StackProps props, Path handler) {
        super(scope, id, props);
        String message = StringParameter.valueFromLookup(this, BootstrappedApp.MESSAGE_PARAMETER);

        Function function = Function.Builder.create(this, "Handler")
                .runtime(Runtime.PYTHON_3_12)
                .handler("index.handler")
                .code(Code.fromAsset(handler.toString()))
                .environment(Map.of("MESSAGE", message))
                .build();

        NestedStack settings = new NestedStack(this, "Settings");
        StringParameter.Builder.create(settings, "Message")
                .parameterName("/cdkj/bootstrapped/" + id + "/message")
                .stringValue(message)
                .build();

        CfnOutput.Builder.create(this, "FunctionName").value(function.getFunctionName()).build();
        CfnOutput.Builder.create(this, "Message").value(message).build();
    }
}
