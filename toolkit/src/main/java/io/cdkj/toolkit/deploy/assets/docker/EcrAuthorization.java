package io.cdkj.toolkit.deploy.assets.docker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/**
 * Turns ECR's {@code GetAuthorizationToken} into registry credentials: the token is base64 of
 * {@code user:password}, valid 12 hours for the caller's registry. Stateless.
 */
final class EcrAuthorization {

    private EcrAuthorization() {
    }

    /**
     * Asks ECR for the caller's registry credentials; the token and the password are handed to
     * {@code redactor} before anything else can see them.
     *
     * @throws IllegalStateException when ECR's answer has no usable token
     */
    static RegistryCredentials fetch(EcrClient ecr, Redactor redactor) {
        GetAuthorizationTokenResponse response = ecr.getAuthorizationToken();
        if (!response.hasAuthorizationData() || response.authorizationData().isEmpty()) {
            throw new IllegalStateException("ECR GetAuthorizationToken returned no authorization data");
        }
        AuthorizationData data = response.authorizationData().get(0);
        String token = data.authorizationToken();
        redactor.add(token);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token == null ? "" : token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ECR's authorization token is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1 || data.proxyEndpoint() == null) {
            throw new IllegalStateException("ECR's authorization token is not user:password with a proxy endpoint");
        }
        redactor.add(decoded.substring(colon + 1));
        return new RegistryCredentials(data.proxyEndpoint(), decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
