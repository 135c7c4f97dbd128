package io.cdkj.toolkit.assembly;

import io.cdkj.toolkit.aws.AwsEnvironment;
import java.util.Objects;
import java.util.Optional;

/**
 * A stack's environment as written in the manifest ({@code aws://ACCOUNT/REGION}), where either part
 * may be the CDK's {@code unknown-account} / {@code unknown-region} placeholder of an
 * environment-agnostic stack.
 *
 * @param account account id or {@code unknown-account}
 * @param region  region or {@code unknown-region}
 */
public record StackEnvironment(String account, String region) {

    /** Placeholder the CDK writes for an environment-agnostic account. */
    public static final String UNKNOWN_ACCOUNT = "unknown-account";
    /** Placeholder the CDK writes for an environment-agnostic region. */
    public static final String UNKNOWN_REGION = "unknown-region";

    public StackEnvironment {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    /** Parses {@code aws://ACCOUNT/REGION}; anything else is reported by the caller as a corrupt manifest. */
    public static Optional<StackEnvironment> parse(String uri) {
        if (uri == null || !uri.startsWith("aws://")) {
            return Optional.empty();
        }
        String rest = uri.substring("aws://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new StackEnvironment(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    /** True when both account and region are concrete (not placeholders). */
    public boolean isConcrete() {
        return !UNKNOWN_ACCOUNT.equals(account) && !UNKNOWN_REGION.equals(region);
    }

    /** The concrete environment, or empty for environment-agnostic stacks. */
    public Optional<AwsEnvironment> toAwsEnvironment() {
        return isConcrete() ? Optional.of(new AwsEnvironment(account, region)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "aws://" + account + "/" + region;
    }
}
