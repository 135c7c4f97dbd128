package io.cdkj.toolkit.credentials;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Short, secret-free descriptions of SDK failures for user messages. Stateless. */
final class AwsErrors {

    private AwsErrors() {
    }

    /** {@code AccessDenied: User ... is not authorized ...} for service errors, the message otherwise. */
    static String describe(Throwable e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + service.statusCode() : code) + (message == null ? "" : ": " + message);
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Whether {@code e} is STS refusing access (trust policy, permissions). */
    static boolean isAccessDenied(Throwable e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null
                && service.awsErrorDetails().errorCode().startsWith("AccessDenied");
    }
}
