package io.cdkj.plugin.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * What a profile's own keys say about the account its credentials act in, read the way the SDK
 * chooses a profile's credentials: a {@code role_arn} with a web identity token, else IAM Identity
 * Center ({@code sso_account_id}, with {@code sso_session} or the legacy {@code sso_start_url}), else a
 * {@code role_arn} (with {@code source_profile} or {@code credential_source}), else
 * {@code aws_account_id} (static keys or {@code credential_process}). Immutable.
 *
 * @param name       the profile name
 * @param account    the account its credentials act in
 * @param accountKey the key that says so: {@code role_arn}, {@code sso_account_id} or {@code aws_account_id}
 * @param roleName   the role it acts as ({@code sso_role_name} or the last part of {@code role_arn}), if known
 * @param partition  the partition of that account, if the profile tells ({@code role_arn}, {@code sso_region})
 */
record DiscoveredProfile(String name, String account, String accountKey, Optional<String> roleName,
        Optional<String> partition) {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z][a-z0-9-]*):iam::(\\d{12}):role/(?:.*/)?([^/]+)");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    DiscoveredProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(partition, "partition");
    }

    /** The account a profile acts in, if its keys say; empty for profiles that do not (e.g. plain keys). */
    static Optional<DiscoveredProfile> of(Profile profile, AwsProfiles profiles) {
        Optional<String> roleArn = profile.property(ProfileProperty.ROLE_ARN);
        if (roleArn.isPresent() && profile.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            return fromRoleArn(profile.name(), roleArn.get());
        }
        if (usesSso(profile)) {
            return profile.property(ProfileProperty.SSO_ACCOUNT_ID).map(String::trim)
                    .filter(id -> ACCOUNT_ID.matcher(id).matches())
                    .map(account -> new DiscoveredProfile(profile.name(), account, ProfileProperty.SSO_ACCOUNT_ID,
                            profile.property(ProfileProperty.SSO_ROLE_NAME).map(String::trim),
                            ssoRegion(profile, profiles).flatMap(DiscoveredProfile::partitionOf)));
        }
        if (roleArn.isPresent()) {
            return fromRoleArn(profile.name(), roleArn.get());
        }
        return profile.property(ProfileProperty.AWS_ACCOUNT_ID).map(String::trim)
                .filter(id -> ACCOUNT_ID.matcher(id).matches())
                .map(account -> new DiscoveredProfile(profile.name(), account, ProfileProperty.AWS_ACCOUNT_ID,
                        Optional.empty(), Optional.empty()));
    }

    /**
     * Whether the SDK serves this profile through IAM Identity Center: any of its keys is present, and
     * it is not a web identity profile (which the SDK checks first).
     */
    static boolean usesSso(Profile profile) {
        if (profile.property(ProfileProperty.ROLE_ARN).isPresent()
                && profile.property(ProfileProperty.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            return false;
        }
        return profile.property(ProfileProperty.SSO_ACCOUNT_ID).isPresent()
                || profile.property(ProfileProperty.SSO_ROLE_NAME).isPresent()
                || profile.property(ProfileProperty.SSO_REGION).isPresent()
                || profile.property(ProfileProperty.SSO_START_URL).isPresent()
                || profile.property(SsoLogin.SSO_SESSION).isPresent();
    }

    /** Whether this profile can serve a request in {@code requestPartition} (unknown partitions can). */
    boolean inPartition(String requestPartition) {
        return partition.map(requestPartition::equals).orElse(true);
    }

    /** For messages: {@code dev-admin (sso_account_id, role AdministratorAccess)}. */
    String describe() {
        return name + " (" + accountKey + roleName.map(role -> ", role " + role).orElse("") + ")";
    }

    private static Optional<DiscoveredProfile> fromRoleArn(String name, String roleArn) {
        Matcher matcher = ROLE_ARN.matcher(roleArn.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DiscoveredProfile(name, matcher.group(2), ProfileProperty.ROLE_ARN,
                Optional.of(matcher.group(3)), Optional.of(matcher.group(1))));
    }

    private static Optional<String> ssoRegion(Profile profile, AwsProfiles profiles) {
        return profile.property(SsoLogin.SSO_SESSION)
                .flatMap(profiles::ssoSession)
                .flatMap(session -> session.property(ProfileProperty.SSO_REGION))
                .or(() -> profile.property(ProfileProperty.SSO_REGION));
    }

    /** The SDK's region metadata knows the partition; an unknown region name tells nothing. */
    private static Optional<String> partitionOf(String region) {
        try {
            return Optional.ofNullable(PartitionMetadata.of(Region.of(region.trim()))).map(PartitionMetadata::id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
