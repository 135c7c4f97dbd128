package io.cdkj.toolkit.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A concrete CDK environment {@code aws://ACCOUNT/REGION}.
 *
 * @param account 12-digit account id
 * @param region  region name, e.g. {@code us-east-2}
 */
public record AwsEnvironment(String account, String region) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern URI = Pattern.compile("aws://([^/]+)/([^/]+)");

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

    /**
     * Parses the CDK's {@code aws://ACCOUNT/REGION}.
     *
     * @return empty for an environment-agnostic one ({@code unknown-account} or {@code unknown-region},
     *     the CDK's placeholders)
     * @throws IllegalArgumentException when {@code uri} is not of that form or names an invalid account
     */
    public static Optional<AwsEnvironment> parse(String uri) {
        java.util.regex.Matcher m = URI.matcher(uri == null ? "" : uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected aws://ACCOUNT/REGION, got '" + uri + "'");
        }
        return m.group(1).equals("unknown-account") || m.group(2).equals("unknown-region")
                ? Optional.empty() : Optional.of(new AwsEnvironment(m.group(1), m.group(2)));
    }

    /** The CDK's notation, {@code aws://111111111111/us-east-2}. */
    @Override
    public String toString() {
        return "aws://" + account + "/" + region;
    }
}
