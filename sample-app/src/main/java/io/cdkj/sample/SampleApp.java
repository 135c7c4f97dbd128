package io.cdkj.sample;

import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CliCredentialsStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.IStackSynthesizer;
import software.amazon.awscdk.StackProps;

/**
 * The sample app: {@code devSampleApp} in the dev account and {@code prodSampleApp} in the prod
 * account, both synthesized and deployed from one shared-services pipeline.
 *
 * <p>Account ids come from context ({@code -c devAccount=...}) or the environment
 * ({@code DEV_ACCOUNT}, {@code PROD_ACCOUNT}), defaulting to the walkthrough's {@code 111111111111}
 * and {@code 333333333333}.
 */
public final class SampleApp {

    /** Name of the SSM parameter each stack reads from its own account. */
    public static final String MESSAGE_PARAMETER = "/cdkj/sample/message";
    /** {@code Name} tag of the VPC each stack looks up in its own account. */
    public static final String VPC_NAME = "cdkj-sample";

    static final String DEV_ACCOUNT_DEFAULT = "111111111111";
    static final String DEV_REGION = "us-east-2";
    static final String PROD_ACCOUNT_DEFAULT = "333333333333";
    static final String PROD_REGION = "us-east-1";

    private SampleApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds both stacks to {@code app}; tests call this with an {@link App} built from {@link AppProps}. */
    public static void build(App app) {
        String dev = account(app, "devAccount", "DEV_ACCOUNT", DEV_ACCOUNT_DEFAULT);
        String prod = account(app, "prodAccount", "PROD_ACCOUNT", PROD_ACCOUNT_DEFAULT);
        new SampleStack(app, "devSampleApp", props(dev, DEV_REGION));
        new SampleStack(app, "prodSampleApp", props(prod, PROD_REGION));
    }

    private static StackProps props(String account, String region) {
        return StackProps.builder()
                .env(Environment.builder().account(account).region(region).build())
                .synthesizer(cliCredentialsSynthesizer())
                .build();
    }

    /**
     * A fresh synthesizer per stack (synthesizers bind to one stack). Uses the CLI's own credentials for everything (no bootstrap deploy/lookup roles): the toolkit's
     * assume-role plugin is the cross-account mechanism, and this synthesizer adds no bootstrap
     * version check, so target accounts need no {@code cdk bootstrap}.
     */
    static IStackSynthesizer cliCredentialsSynthesizer() {
        return new CliCredentialsStackSynthesizer();
    }

    private static String account(App app, String contextKey, String envVar, String fallback) {
        Object fromContext = app.getNode().tryGetContext(contextKey);
        if (fromContext != null && !fromContext.toString().isBlank()) {
            return fromContext.toString();
        }
        return Optional.ofNullable(System.getenv(envVar)).filter(s -> !s.isBlank()).orElse(fallback);
    }
}
