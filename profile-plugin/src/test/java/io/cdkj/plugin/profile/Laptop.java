package io.cdkj.plugin.profile;

import io.cdkj.plugin.Configuration;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import io.cdkj.plugin.testing.CountingIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's AWS files in a test directory: an AWS config and credentials file, written on every
 * {@link #request}, and the environment that points the plugin at them ({@code AWS_CONFIG_FILE},
 * {@code AWS_SHARED_CREDENTIALS_FILE}, {@code HOME}). Never the real user's files. Not thread-safe.
 */
final class Laptop {

    static final String DEV = "111111111111";
    static final String SHARED = "222222222222";
    static final String PROD = "333333333333";

    private final Path dir;
    private final Path home;
    private final StringBuilder config = new StringBuilder();
    private final StringBuilder credentials = new StringBuilder();
    private final Map<String, String> environment = new LinkedHashMap<>();

    /**
     * @param dir  where the two files are written
     * @param home the HOME the request names (the SSO token cache lives under it)
     */
    Laptop(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
    }

    /** The home the surefire configuration gives the test JVM, where the SDK reads SSO tokens from. */
    static Path processHome() {
        return Path.of(System.getenv("HOME"));
    }

    Laptop config(String text) {
        config.append(text).append('\n');
        return this;
    }

    Laptop credentials(String text) {
        credentials.append(text).append('\n');
        return this;
    }

    Laptop env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path configFile() {
        return dir.resolve("config");
    }

    Path credentialsFile() {
        return dir.resolve("credentials");
    }

    Path home() {
        return home;
    }

    /** The configuration a host would pass: {@code context}, and the environment naming the files. */
    Configuration configuration(Map<String, ?> context) {
        try {
            Files.createDirectories(dir);
            Files.writeString(configFile(), config);
            Files.writeString(credentialsFile(), credentials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "HOME", home.toString(),
                "AWS_CONFIG_FILE", configFile().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentialsFile().toString()));
        env.putAll(environment);
        return Configuration.of(context, env);
    }

    CredentialRequest request(String account, Mode mode) {
        return request(account, mode, Map.of());
    }

    CredentialRequest request(String account, Mode mode, Map<String, ?> context) {
        return CredentialRequest.builder()
                .account(account).region("us-east-2").partition("aws").mode(mode)
                .configuration(configuration(context))
                .baseCredentials(CountingIdentityProvider.dummy())
                .build();
    }
}
