package io.cdkj.toolkit.aws;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A concrete CDK environment {@code aws://ACCOUNT/REGION}.
 *
 * @param account 12-digit account id
 * @param region  region name, e.g. {@code us-east-2} (checked with {@link RegionNames})
 */
public record AwsEnvironment(String account, String region) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** The region part takes the rest, slashes included, so a malformed region is reported as one. */
    private static final Pattern URI = Pattern.compile("aws://([^/]+)/(.+)");
    private static final String UNKNOWN_ACCOUNT = "unknown-account";
    private static final String UNKNOWN_REGION = "unknown-region";

    public AwsEnvironment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        checkAccount(account);
        checkRegion(region);
    }

    /**
     * Parses the CDK's {@code aws://ACCOUNT/REGION}. Each part that is not a placeholder is checked, also
     * when the other one is.
     *
     * @return empty for an environment-agnostic one ({@code unknown-account} or {@code unknown-region},
     *     the CDK's placeholders)
     * @throws IllegalArgumentException saying what is wrong when {@code uri} is not of that form, or names
     *     an account that is not 12 digits or a region that is not a region name ({@link RegionNames})
     */
    public static Optional<AwsEnvironment> parse(String uri) {
        java.util.regex.Matcher m = URI.matcher(uri == null ? "" : uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected aws://ACCOUNT/REGION, got '" + uri + "'");
        }
        boolean agnostic = false;
        if (m.group(1).equals(UNKNOWN_ACCOUNT)) {
            agnostic = true;
        } else {
            checkAccount(m.group(1));
        }
        if (m.group(2).equals(UNKNOWN_REGION)) {
            agnostic = true;
        } else {
            checkRegion(m.group(2));
        }
        return agnostic ? Optional.empty() : Optional.of(new AwsEnvironment(m.group(1), m.group(2)));
    }

    private static void checkAccount(String account) {
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("account '" + account + "' is not an AWS account id (exactly 12 digits,"
                    + " e.g. 111111111111)");
        }
    }

    private static void checkRegion(String region) {
        if (!RegionNames.isValid(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not an AWS region name ("
                    + RegionNames.expectation() + ")");
        }
    }

    /** The CDK's notation, {@code aws://111111111111/us-east-2}. */
    @Override
    public String toString() {
        return "aws://" + account + "/" + region;
    }
}
