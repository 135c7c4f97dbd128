package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import java.util.Map;

/** Builds requests for the plugin's tests. */
final class Requests {

    static final String DEV = "111111111111";
    static final String SHARED = "222222222222";
    static final String PROD = "333333333333";
    static final String PIPELINE_ARN = "arn:aws:sts::222222222222:assumed-role/pipeline/ci-job-42";

    private Requests() {
    }

    static CredentialRequest.Builder request(String account, Mode mode) {
        return CredentialRequest.builder()
                .account(account)
                .region("us-east-2")
                .partition("aws")
                .mode(mode)
                .baseCredentials(CountingIdentityProvider.dummy())
                .callerArn(PIPELINE_ARN);
    }

    static CredentialRequest request(String account, Mode mode, Map<String, ?> context) {
        return request(account, mode, context, Map.of());
    }

    static CredentialRequest request(String account, Mode mode, Map<String, ?> context, Map<String, String> environment) {
        return request(account, mode).configuration(Configuration.of(context, environment)).build();
    }
}
