package io.cdkj.plugin.profile;

import io.cdkj.plugin.CredentialProviderException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The IAM Identity Center (SSO) login a profile's credentials depend on: the profile itself when it is
 * an SSO profile, or the SSO profile at the root of its {@code source_profile} chain. Knows where the
 * AWS CLI's {@code aws sso login} caches the token — {@code ~/.aws/sso/cache/<SHA-1>.json}, of the
 * {@code sso_session} name, or of the {@code sso_start_url} for legacy profiles (as the SDK's
 * providers read it) — and the command that renews it. Immutable.
 *
 * @param profile   the SSO profile
 * @param session   its {@code sso_session}, empty for a legacy profile
 * @param cacheFile where the token is cached
 */
record SsoLogin(String profile, Optional<String> session, Path cacheFile) {

    /** The profile key naming an {@code [sso-session NAME]} section. */
    static final String SSO_SESSION = "sso_session";

    SsoLogin {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(cacheFile, "cacheFile");
    }

    /**
     * The SSO login behind {@code profileName}, if its credentials come from IAM Identity Center.
     *
     * @throws CredentialProviderException when the SSO profile is incomplete (no session section, no start URL)
     */
    static Optional<SsoLogin> behind(String profileName, AwsProfiles profiles) {
        Set<String> seen = new HashSet<>();
        Optional<Profile> current = profiles.profile(profileName);
        while (current.isPresent() && seen.add(current.get().name())) {
            Profile profile = current.get();
            if (DiscoveredProfile.usesSso(profile)) {
                return Optional.of(of(profile, profiles));
            }
            // The SDK follows source_profile only for a role_arn profile.
            current = profile.property(ProfileProperty.ROLE_ARN)
                    .flatMap(arn -> profile.property(ProfileProperty.SOURCE_PROFILE))
                    .flatMap(profiles::profile);
        }
        return Optional.empty();
    }

    private static SsoLogin of(Profile profile, AwsProfiles profiles) {
        Path cache = profiles.home().resolve(".aws").resolve("sso").resolve("cache");
        Optional<String> session = profile.property(SSO_SESSION).map(String::trim);
        if (session.isPresent()) {
            if (profiles.ssoSession(session.get()).flatMap(s -> s.property(ProfileProperty.SSO_START_URL)).isEmpty()) {
                throw new CredentialProviderException("profile " + profile.name() + " names sso_session " + session.get()
                        + ", but " + profiles.searched() + " has no [sso-session " + session.get()
                        + "] section with an sso_start_url; run aws configure sso-session");
            }
            return new SsoLogin(profile.name(), session, cache.resolve(sha1(session.get()) + ".json"));
        }
        String startUrl = profile.property(ProfileProperty.SSO_START_URL).map(String::trim)
                .orElseThrow(() -> new CredentialProviderException("profile " + profile.name()
                        + " is an IAM Identity Center profile without sso_session or sso_start_url; run aws configure sso --profile "
                        + profile.name()));
        return new SsoLogin(profile.name(), Optional.empty(), cache.resolve(sha1(startUrl) + ".json"));
    }

    /** The command that renews the token: per session when there is one (it renews every profile of it). */
    String loginCommand() {
        return session.map(name -> "aws sso login --sso-session " + name).orElse("aws sso login --profile " + profile);
    }

    /** For messages: {@code profile dev-admin (sso-session corp)}. */
    String describe() {
        return "profile " + profile + session.map(name -> " (sso-session " + name + ")").orElse("");
    }

    /** Lower-case hex SHA-1 of the UTF-8 bytes: the cache file name the AWS CLI and the SDK agree on. */
    static String sha1(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
