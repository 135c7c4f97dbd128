package io.cdkj.toolkit.deploy.assets.docker;

import java.util.Objects;

/**
 * What {@code docker login} needs for one registry, from ECR's authorization token.
 *
 * @param endpoint ECR's {@code proxyEndpoint}, e.g. {@code https://111111111111.dkr.ecr.us-east-1.amazonaws.com}
 * @param username the user name (ECR's is {@code AWS})
 * @param password the password: a secret, never printed ({@link #toString()} leaves it out)
 *
 * <p>Immutable.
 */
public record RegistryCredentials(String endpoint, String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("the registry token of " + endpoint + " has no user name or password");
        }
    }

    /** The registry as {@code docker login} takes it: the endpoint without scheme or trailing slash. */
    public String host() {
        return endpoint.replaceFirst("^https?://", "").replaceFirst("/+$", "");
    }

    @Override
    public String toString() {
        return "RegistryCredentials[" + host() + ", " + username + ", password=****]";
    }
}
