package io.cdkj.toolkit.testing;

import io.cdkj.localaws.AwsCallLog;
import io.cdkj.localaws.AwsSystemProperties;
import io.cdkj.localaws.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The shared-services pipeline identity of the walkthrough, as the toolkit's default credentials:
 * a session in 222222222222 (role {@code pipeline}) obtained from moto the way a CI job gets one,
 * its secrets registered with {@link SecretGuard}, set through the SDK's system properties for as
 * long as the returned scope is open. The AWS call log starts empty.
 */
public final class PipelineCaller {

    /** The shared-services account the pipeline runs in. */
    public static final String ACCOUNT = "222222222222";

    private PipelineCaller() {
    }

    /** Acts as the pipeline until the scope is closed (which restores the previous properties). */
    public static AwsSystemProperties actAsPipeline(MotoServer moto) {
        AwsSessionCredentials pipeline = moto.callerIn(ACCOUNT, "pipeline");
        SecretGuard.register(pipeline.secretAccessKey());
        SecretGuard.register(pipeline.sessionToken());
        AwsSystemProperties scope = AwsSystemProperties.caller(moto.endpoint(), pipeline);
        AwsCallLog.global().reset();
        return scope;
    }
}
