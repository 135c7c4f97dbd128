package io.cdkj.toolkit.credentials;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.arns.ArnResource;

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
        return Arn.fromString(arn).partition();
    }

    /**
     * For an assumed-role ARN ({@code arn:P:sts::A:assumed-role/NAME/SESSION}), the role's ARN
     * {@code arn:P:iam::A:role/NAME} (the role's path is not part of an assumed-role ARN).
     */
    public Optional<String> roleArn() {
        return assumedRole().map(role -> "arn:" + partition() + ":iam::" + account + ":role/" + role.resource());
    }

    /** For an assumed-role ARN, the role session name. */
    public Optional<String> sessionName() {
        return assumedRole().flatMap(ArnResource::qualifier);
    }

    private Optional<ArnResource> assumedRole() {
        ArnResource resource = Arn.fromString(arn).resource();
        return resource.resourceType().filter("assumed-role"::equals).isPresent() && resource.qualifier().isPresent()
                ? Optional.of(resource) : Optional.empty();
    }
}
