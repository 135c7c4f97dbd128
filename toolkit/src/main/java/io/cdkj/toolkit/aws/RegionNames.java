package io.cdkj.toolkit.aws;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Whether a string is an AWS region name, by the AWS SDK's own rule: it matches the region pattern of
 * one of the partitions the SDK knows ({@code ^(us|eu|ap|…)-\w+-\d+$} for {@code aws},
 * {@code ^cn-\w+-\d+$} for {@code aws-cn}, …). So a region the SDK does not list yet is accepted when
 * it has a region's shape, while anything else — a typo, a pseudo-region such as {@code aws-global},
 * or text with spaces, quotes or shell syntax — is not. Region names end up in endpoints, ARNs,
 * messages and files; they are checked where they enter (manifest, {@code --region}, environment,
 * profiles).
 *
 * <p>Stateless and thread-safe.
 */
public final class RegionNames {

    private static final List<Pattern> PARTITION_PATTERNS = Region.regions().stream()
            .map(Region::metadata)
            .filter(Objects::nonNull)
            .map(RegionMetadata::partition)
            .filter(Objects::nonNull)
            .map(PartitionMetadata::regionRegex)
            .distinct()
            .map(Pattern::compile)
            .toList();

    private RegionNames() {
    }

    /** True when {@code region} has the shape of a region of one of the SDK's partitions. */
    public static boolean isValid(String region) {
        return region != null && PARTITION_PATTERNS.stream().anyMatch(p -> p.matcher(region).matches());
    }

    /** The fix users need when a region is rejected, for the end of a message. */
    public static String expectation() {
        return "an AWS region name looks like us-east-1, eu-west-2 or cn-north-1";
    }
}
