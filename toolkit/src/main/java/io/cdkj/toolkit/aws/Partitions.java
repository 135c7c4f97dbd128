package io.cdkj.toolkit.aws;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The AWS partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso}, …) of a region and
 * its DNS suffix, from the SDK's own region metadata — the one place the toolkit learns them (ARNs are
 * parsed with the SDK's {@code Arn}).
 * Stateless.
 */
public final class Partitions {

    private Partitions() {
    }

    /** The partition id of {@code region}, e.g. {@code aws-iso} for {@code us-iso-east-1}. */
    public static String ofRegion(String region) {
        return metadataOf(region).id();
    }

    /**
     * The DNS suffix of {@code region}'s partition ({@code amazonaws.com}, {@code amazonaws.com.cn},
     * {@code c2s.ic.gov}, …): CloudFormation's {@code AWS::URLSuffix}.
     */
    public static String urlSuffixOf(String region) {
        return metadataOf(region).dnsSuffix();
    }


    /**
     * The region's partition as the SDK lists it; for a region the SDK does not list yet, the partition
     * whose region pattern matches (the SDK's own rule), never a guess from a prefix.
     */
    private static PartitionMetadata metadataOf(String region) {
        Region sdkRegion = Region.of(region);
        RegionMetadata metadata = sdkRegion.metadata();
        if (metadata != null && metadata.partition() != null) {
            return metadata.partition();
        }
        return PartitionMetadata.of(sdkRegion);
    }
}
