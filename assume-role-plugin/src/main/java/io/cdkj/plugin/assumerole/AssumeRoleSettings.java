package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import io.cdkj.plugin.Mode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * What the plugin will do for one request: which role to assume, how, and through which STS
 * endpoint. Resolved from a {@link ParsedConfiguration} by the precedence order
 * <em>per-account override &gt; context &gt; environment &gt; defaults</em>, setting by setting.
 * Immutable and thread-safe.
 *
 * @param account         the target account
 * @param region          the target region
 * @param mode            READ or WRITE
 * @param roleArn         the role to assume, placeholders expanded
 * @param roleKey         the key that chose the role ({@code default} for the built-in name)
 * @param externalId      the external ID to pass, if any
 * @param roleSessionName the session name, valid for STS
 * @param durationSeconds the requested session duration
 * @param stsRegion       the region of the STS endpoint to call
 */
record AssumeRoleSettings(
        String account,
        String region,
        Mode mode,
        String roleArn,
        String roleKey,
        Optional<String> externalId,
        String roleSessionName,
        int durationSeconds,
        String stsRegion) {

    AssumeRoleSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleKey, "roleKey");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(stsRegion, "stsRegion");
    }

    /**
     * Applies the configuration to a request the plugin does not decline.
     *
     * @throws CredentialProviderException when the role ARN or the STS region disagrees with the
     *                                     request's partition or account
     */
    static AssumeRoleSettings resolve(ParsedConfiguration configuration, CredentialRequest request) {
        List<ConfigLayer> levels = configuration.levelsFor(request.account());
        Mode mode = request.mode();
        RoleArnTemplate role = first(levels, level -> level.role(mode)).orElseGet(() -> RoleArnTemplate.defaultName(
                mode == Mode.WRITE ? ContextKeys.DEFAULT_WRITE_ROLE_NAME : ContextKeys.DEFAULT_READ_ROLE_NAME));
        String roleArn = role.expand(request.account(), request.region(), request.partition());
        Optional<String> externalId = first(levels, ConfigLayer::externalId).map(Setting::value);
        String sessionName = first(levels, ConfigLayer::roleSessionName).map(Setting::value)
                .orElseGet(() -> SessionNames.defaultFor(mode, request.callerArn()));
        int duration = first(levels, ConfigLayer::durationSeconds).map(Setting::value)
                .orElse(ContextKeys.DEFAULT_DURATION_SECONDS);
        String stsRegion = configuration.stsRegion()
                .map(setting -> checkPartition(setting, request))
                .orElse(request.region());
        return new AssumeRoleSettings(request.account(), request.region(), mode, roleArn, role.key(), externalId,
                sessionName, duration, stsRegion);
    }

    /** Whether the role is the built-in default rather than one the user configured. */
    boolean defaultRole() {
        return RoleArnTemplate.DEFAULT_KEY.equals(roleKey);
    }

    private static <T> Optional<T> first(List<ConfigLayer> levels, Function<ConfigLayer, Optional<T>> setting) {
        return levels.stream().map(setting).flatMap(Optional::stream).findFirst();
    }

    /** STS in another partition cannot issue credentials for this one; the SDK's metadata knows the partition. */
    private static String checkPartition(Setting<String> stsRegion, CredentialRequest request) {
        String partition = PartitionMetadata.of(Region.of(stsRegion.value())).id();
        if (!partition.equals(request.partition())) {
            throw new CredentialProviderException(stsRegion.key() + " is '" + stsRegion.value() + "', a region in partition "
                    + partition + ", but account " + request.account() + " in region " + request.region()
                    + " is in partition " + request.partition() + ": choose an STS region in " + request.partition()
                    + " or remove the setting to use the target region's STS endpoint");
        }
        return stsRegion.value();
    }

    /**
     * What assuming these settings does, for dry runs, e.g.
     * {@code assume arn:aws:iam::111111111111:role/cdk-readOnlyRole as session cdkj-read}; says that an
     * external ID is set, never what it is.
     */
    String description() {
        return "assume " + roleArn + " as session " + roleSessionName
                + externalId.map(id -> " with an external ID (" + id.length() + " characters)").orElse("");
    }

    /** Leaves the external ID out. */
    @Override
    public String toString() {
        return "AssumeRoleSettings[account=" + account + ", region=" + region + ", mode=" + mode.cliName()
                + ", roleArn=" + roleArn + ", roleKey=" + roleKey + ", externalId=" + (externalId.isPresent() ? "(set)" : "none")
                + ", roleSessionName=" + roleSessionName + ", durationSeconds=" + durationSeconds
                + ", stsRegion=" + stsRegion + "]";
    }
}
