package io.cdkj.plugin.profile;

import io.cdkj.plugin.CredentialProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * Checks, from the token cache file alone, that an SSO login is usable before the SDK is asked:
 * a missing, unreadable or expired token fails here with the command that renews it, instead of as
 * the SDK's exception from deep inside the provider. An expired token of an {@code sso_session} that
 * still holds a valid client registration and refresh token passes: the SDK refreshes it. No token
 * value ever leaves this class. Stateless.
 */
final class SsoToken {

    private static final JsonNodeParser JSON = JsonNodeParser.create();

    private SsoToken() {
    }

    /** @throws CredentialProviderException naming the profile, the cache file and the login command */
    static void requireUsable(SsoLogin login, Clock clock) {
        JsonNode token;
        try {
            token = JSON.parse(Files.readString(login.cacheFile()));
        } catch (NoSuchFileException e) {
            throw notLoggedIn(login, "there is no IAM Identity Center (SSO) token for it in " + login.cacheFile().getParent());
        } catch (IOException | RuntimeException e) {
            throw notLoggedIn(login, "its IAM Identity Center (SSO) token file " + login.cacheFile() + " cannot be read");
        }
        Optional<Instant> expiresAt = instant(token, "expiresAt");
        if (text(token, "accessToken").isEmpty() || expiresAt.isEmpty()) {
            throw notLoggedIn(login, "its IAM Identity Center (SSO) token file " + login.cacheFile()
                    + " has no accessToken or expiresAt");
        }
        Instant now = clock.instant();
        if (expiresAt.get().isAfter(now) || refreshable(login, token, now)) {
            return;
        }
        throw notLoggedIn(login, "its IAM Identity Center (SSO) token expired at " + expiresAt.get()
                + " (" + login.cacheFile() + ")");
    }

    /** What the SDK's session token provider needs to get a new access token without a browser. */
    private static boolean refreshable(SsoLogin login, JsonNode token, Instant now) {
        return login.session().isPresent()
                && text(token, "refreshToken").isPresent()
                && text(token, "clientId").isPresent()
                && text(token, "clientSecret").isPresent()
                && instant(token, "registrationExpiresAt").map(now::isBefore).orElse(true);
    }

    static CredentialProviderException notLoggedIn(SsoLogin login, String why) {
        return new CredentialProviderException(login.describe() + " is not logged in: " + why + ". Run: "
                + login.loginCommand());
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.field(field).filter(JsonNode::isString).map(JsonNode::asString).filter(value -> !value.isBlank());
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        try {
            return text(node, field).map(Instant::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
