package io.cdkj.plugin.profile;

import io.cdkj.plugin.CredentialProviderException;
import io.cdkj.plugin.CredentialRequest;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * Turns a profile provider's first failure into one line a person can act on: which profile, for
 * which account and mode, what the SDK or the service said, and the fix. A token the SSO portal
 * refuses, or the SDK finds expired, gets the login command. Decisions read exception types, never
 * message text. Stateless.
 *
 * <p>Messages never contain secrets: the SDK's own message is scrubbed of anything shaped like a
 * secret key, session token or SSO access token.
 */
final class ProfileFailures {

    /** Runs of base64 this long are secret keys (40) or tokens (hundreds); ARNs and ids are shorter or punctuated. */
    private static final Pattern SECRET_SHAPED = Pattern.compile("[A-Za-z0-9/+=]{40,}");

    private ProfileFailures() {
    }

    static CredentialProviderException resolveFailed(String profile, CredentialRequest request, Optional<SsoLogin> sso,
            RuntimeException failure) {
        if (sso.isPresent() && (find(failure, UnauthorizedException.class).isPresent()
                || find(failure, ExpiredTokenException.class).isPresent())) {
            return new CredentialProviderException(SsoToken.notLoggedIn(sso.get(),
                    "IAM Identity Center refused its token (" + summary(failure) + ")").getMessage(), failure);
        }
        String attempt = "profile " + profile + " could not give credentials for account " + request.account()
                + " (" + request.mode().cliName() + ")";
        Optional<AwsServiceException> service = find(failure, AwsServiceException.class);
        if (service.isPresent()) {
            return new CredentialProviderException(attempt + ": " + summary(service.get())
                    + ". Fix: check the profile with: aws sts get-caller-identity --profile " + profile, failure);
        }
        return new CredentialProviderException(attempt + ": " + summary(failure)
                + ". Fix: check the profile with: aws sts get-caller-identity --profile " + profile, failure);
    }

    /** The service's error code and message, or the exception's message. */
    private static String summary(RuntimeException failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = Optional.ofNullable(service.awsErrorDetails().errorCode()).orElse("HTTP " + service.statusCode());
            String serviceName = Optional.ofNullable(service.awsErrorDetails().serviceName()).orElse("AWS");
            return serviceName + " error " + code + Optional.ofNullable(service.awsErrorDetails().errorMessage())
                    .filter(text -> !text.isBlank()).map(text -> " (" + scrub(text) + ")").orElse("");
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
        if (deepest != failure && deepest.getMessage() != null && !message.contains(deepest.getMessage())) {
            message += ": " + deepest.getMessage();
        }
        return scrub(message.replaceAll("\\s+", " ").strip());
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
