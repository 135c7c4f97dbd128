package io.cdkj.plugin.assumerole;

import io.cdkj.plugin.CredentialProviderException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns a failed AssumeRole into a message a person can act on: which role, for which account and
 * mode, as which caller, what STS said (its error code and message), and the likely fix. Stateless.
 *
 * <p>Messages never contain secrets: the parts built here hold only ARNs, account ids, keys and
 * codes, and STS's own message is scrubbed of anything shaped like a secret key or session token.
 */
final class AssumeRoleFailures {

    private static final Set<String> DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "NoSuchEntity", "NoSuchEntityException");
    private static final Set<String> BAD_SOURCE_CREDENTIALS = Set.of(
            "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "IncompleteSignature", "InvalidToken", "MissingAuthenticationToken");
    private static final Set<String> THROTTLED = Set.of(
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
            "RequestThrottled", "SlowDown");
    private static final int ROLE_CHAINING_LIMIT_SECONDS = 3600;
    /** Runs of base64 this long are secret keys (40) or session tokens (hundreds); ARNs and ids are shorter or punctuated. */
    private static final Pattern SECRET_SHAPED = Pattern.compile("[A-Za-z0-9/+=]{40,}");

    private AssumeRoleFailures() {
    }

    /**
     * @param settings  what was attempted
     * @param callerArn the host identity's ARN, if known
     * @param failure   what the SDK threw
     */
    static CredentialProviderException assumeRoleFailed(AssumeRoleSettings settings, Optional<String> callerArn,
            RuntimeException failure) {
        String caller = callerArn.orElse("the current credentials");
        String attempt = "assume-role could not assume " + settings.roleArn() + " (the " + settings.mode().cliName()
                + " role for account " + settings.account() + ", region " + settings.region() + ") as " + caller;
        Optional<AwsServiceException> service = find(failure, AwsServiceException.class);
        if (service.isPresent()) {
            String code = errorCode(service.get());
            String stsMessage = scrub(Optional.ofNullable(service.get().awsErrorDetails())
                    .map(details -> details.errorMessage()).orElse(service.get().getMessage()));
            return new CredentialProviderException(attempt + ": STS error " + code
                    + (stsMessage == null || stsMessage.isBlank() ? "" : " (" + stsMessage + ")")
                    + ". " + fix(code, settings, callerArn), failure);
        }
        if (find(failure, SdkClientException.class).isPresent()) {
            return new CredentialProviderException(attempt + ": STS in region " + settings.stsRegion()
                    + " could not be called (" + scrub(failure.getMessage()) + "). Fix: check that the current "
                    + "credentials resolve and that the STS endpoint of " + settings.stsRegion() + " is reachable, or set "
                    + ContextKeys.qualified(ContextKeys.STS_REGION) + " to another region's endpoint", failure);
        }
        return new CredentialProviderException(attempt + ": " + failure.getClass().getSimpleName() + " ("
                + scrub(failure.getMessage()) + ")", failure);
    }

    private static String fix(String code, AssumeRoleSettings settings, Optional<String> callerArn) {
        if (DENIED.contains(code)) {
            String trusted = callerArn.flatMap(AssumeRoleFailures::accountOf).orElse("the current account");
            String externalIdHint = settings.externalId().isPresent()
                    ? " (and expects the configured external ID)" : "";
            return "Fix: deploy required-resources into " + settings.account() + " so the role exists and trusts "
                    + trusted + externalIdHint + ", or set " + roleKeyHint(settings) + " to a role that does";
        }
        if (BAD_SOURCE_CREDENTIALS.contains(code)) {
            return "Fix: STS rejected the current credentials themselves; refresh them (renew the CI job's session, "
                    + "or run aws sso login for a profile) and run again";
        }
        if (THROTTLED.contains(code)) {
            return "Fix: STS kept throttling after the SDK's retries; run again later, lower the deployment "
                    + "concurrency, or raise AWS_MAX_ATTEMPTS";
        }
        if ("RegionDisabledException".equals(code)) {
            return "Fix: activate STS in region " + settings.stsRegion() + " for the caller's account (IAM account "
                    + "settings), or set " + ContextKeys.qualified(ContextKeys.STS_REGION) + " to an active region";
        }
        if ("ValidationError".equals(code) && settings.durationSeconds() > ROLE_CHAINING_LIMIT_SECONDS) {
            return "Fix: lower " + ContextKeys.qualified(ContextKeys.DURATION_SECONDS) + " (now "
                    + settings.durationSeconds() + "): a session assumed from another role session is limited to "
                    + ROLE_CHAINING_LIMIT_SECONDS + " seconds, and the role's maximum session duration may be lower";
        }
        return "Fix: check that the role exists and that the caller may call sts:AssumeRole on it";
    }

    /** The key a user changes to pick another role: the one that chose this role, or the name key for the default. */
    private static String roleKeyHint(AssumeRoleSettings settings) {
        if (!settings.defaultRole()) {
            return settings.roleKey();
        }
        return ContextKeys.qualified(settings.mode() == io.cdkj.plugin.Mode.WRITE
                ? ContextKeys.WRITE_IAM_ROLE_NAME : ContextKeys.READ_IAM_ROLE_NAME);
    }

    private static String errorCode(AwsServiceException exception) {
        if (exception.awsErrorDetails() != null && exception.awsErrorDetails().errorCode() != null) {
            return exception.awsErrorDetails().errorCode();
        }
        return "HTTP " + exception.statusCode();
    }

    /** The account id field of an ARN ({@code arn:aws:sts::222222222222:assumed-role/...}). */
    static Optional<String> accountOf(String arn) {
        try {
            return Arn.fromString(arn).accountId().filter(account -> ConfigValues.ACCOUNT_ID.matcher(account).matches());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String scrub(String message) {
        return message == null ? null : SECRET_SHAPED.matcher(message).replaceAll("(redacted)");
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
