package io.cdkj.toolkit.aws;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A concrete CDK environment {@code aws://ACCOUNT/REGION}.
 *
 * @param account 12-digit account id
 * @param region  region name, e.g. {@code us-east-2}
 */
public record AwsEnvironment(String account, String region) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public AwsEnvironment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("account must be a 12-digit AWS account id, got '" + account + "'");
        }
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
    }

    /** The CDK's notation, {@code aws://111111111111/us-east-2}. */
    @Override
    public String toString() {
        return "aws://" + account + "/" + region;
    }
}
