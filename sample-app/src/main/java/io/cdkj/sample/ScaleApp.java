package io.cdkj.sample;

import java.util.Locale;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ssm.StringParameter;

/**
 * The benchmark's many-account app: {@code scaleStacks} stacks (context; default 2), stack i in its
 * own account ({@link #account(int)}: 400000000001, 400000000002, ...) in us-east-1, each with one SSM
 * lookup ({@value #MESSAGE_PARAMETER}) and one availability-zone lookup, both output. LocalAwsMain
 * {@code --seed scale:N} seeds those accounts.
 */
public final class ScaleApp {

    /** The SSM parameter each stack reads from its own account. */
    public static final String MESSAGE_PARAMETER = "/cdkj/scale/message";
    /** The region of every stack. */
    public static final String REGION = "us-east-1";

    private static final long FIRST_ACCOUNT = 400_000_000_001L;

    private ScaleApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object stacks = app.getNode().tryGetContext("scaleStacks");
        int count = stacks == null ? 2 : Integer.parseInt(stacks.toString());
        for (int i = 0; i < count; i++) {
            Stack stack = new Stack(app, "Scale" + i, StackProps.builder()
                    .env(Environment.builder().account(account(i)).region(REGION).build())
                    .synthesizer(new CliCredentialsStackSynthesizer())
                    .build());
            CfnOutput.Builder.create(stack, "Message")
                    .value(StringParameter.valueFromLookup(stack, MESSAGE_PARAMETER)).build();
            CfnOutput.Builder.create(stack, "Azs").value(Fn.join(",", stack.getAvailabilityZones())).build();
        }
        app.synth();
    }

    /** The account of stack {@code i} (from 0). */
    public static String account(int i) {
        return String.format(Locale.ROOT, "%012d", FIRST_ACCOUNT + i);
    }
}
