package io.cdkj.toolkit.credentials;

import io.cdkj.toolkit.aws.Partitions;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a set of credentials is, as STS GetCallerIdentity says.
 *
 * @param account 12-digit account id the credentials act in
 * @param arn     the caller's ARN, e.g. {@code arn:aws:sts::222222222222:assumed-role/pipeline/ci}
 */
public record CallerIdentity(String account, String arn) {

    public CallerIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
    }

    /** The partition from the ARN. */
    public String partition() {
        return Partitions.ofArn(arn);
    }

    /**
     * For an assumed-role ARN ({@code arn:P:sts::A:assumed-role/NAME/SESSION}), the role's ARN
     * {@code arn:P:iam::A:role/NAME} (the role's path is not part of an assumed-role ARN).
     */
    public Optional<String> roleArn() {
        return assumedRoleParts().map(parts -> "arn:" + partition() + ":iam::" + account + ":role/" + parts[0]);
    }

    /** For an assumed-role ARN, the role session name. */
    public Optional<String> sessionName() {
        return assumedRoleParts().map(parts -> parts[1]);
    }

    private Optional<String[]> assumedRoleParts() {
        String[] fields = arn.split(":", 6);
        if (fields.length < 6 || !fields[5].startsWith("assumed-role/")) {
            return Optional.empty();
        }
        String[] parts = fields[5].substring("assumed-role/".length()).split("/", 2);
        return parts.length == 2 ? Optional.of(parts) : Optional.empty();
    }
}
