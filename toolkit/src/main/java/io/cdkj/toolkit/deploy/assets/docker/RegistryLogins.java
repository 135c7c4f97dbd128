package io.cdkj.toolkit.deploy.assets.docker;

import io.cdkj.toolkit.access.CredentialTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Logs in once per registry and credentials: one {@code GetAuthorizationToken} and one
 * {@code docker login --password-stdin} into a login directory of the run's
 * {@link DockerConfigDirectory}, shared by every push with the same key. Concurrent callers with one key
 * wait for the first one's login; a failed login fails every push with that key.
 *
 * <p>Thread-safe.
 */
final class RegistryLogins {

    /** Which login a push can share: the registry, and whose credentials (the destination's credential target). */
    record Key(String registryHost, CredentialTarget credentials) {
        Key {
            Objects.requireNonNull(registryHost, "registryHost");
            Objects.requireNonNull(credentials, "credentials");
        }

        static Key of(String repositoryUri, ImageTarget target) {
            return new Key(repositoryUri.split("/", 2)[0], target.credentialTarget());
        }
    }

    private final Docker docker;
    private final DockerConfigDirectory config;
    private final Redactor redactor;
    private final Map<Key, CompletableFuture<Path>> logins = new ConcurrentHashMap<>();

    RegistryLogins(Docker docker, DockerConfigDirectory config, Redactor redactor) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.config = Objects.requireNonNull(config, "config");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /**
     * The docker configuration directory logged in for {@code key}, logging in with {@code ecr}'s token first
     * if no one has yet.
     *
     * @throws RuntimeException what the token request or the login threw ({@link DockerCommandException} for the login)
     */
    Path configFor(Key key, EcrClient ecr) {
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> existing = logins.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(login(ecr));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return (existing == null ? mine : existing).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** How many logins ran (for tests and the benchmark). */
    int count() {
        return logins.size();
    }

    private Path login(EcrClient ecr) {
        RegistryCredentials credentials = EcrAuthorization.fetch(ecr, redactor);
        try {
            Path directory = config.newLoginDirectory();
            docker.login(directory, credentials);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a login directory in " + config.root(), e);
        }
    }
}
