package io.cdkj.toolkit.aws;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/** The AWS partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, …) of a region or an ARN. Stateless. */
public final class Partitions {

    private Partitions() {
    }

    /**
     * The partition of {@code region} from the SDK's region metadata; for a region the SDK does not
     * list yet, the partition whose region pattern matches (the SDK's own rule), never a prefix guess.
     */
    public static String ofRegion(String region) {
        Region sdkRegion = Region.of(region);
        RegionMetadata metadata = sdkRegion.metadata();
        if (metadata != null && metadata.partition() != null) {
            return metadata.partition().id();
        }
        return PartitionMetadata.of(sdkRegion).id();
    }

    /** The partition field of an ARN ({@code arn:PARTITION:service:region:account:resource}). */
    public static String ofArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !"arn".equals(parts[0]) || parts[1].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: '" + arn + "'");
        }
        return parts[1];
    }
}
