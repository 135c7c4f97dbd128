package io.cdkj.toolkit.aws;

import io.cdkj.toolkit.ErrorCode;
import java.net.SocketTimeoutException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What kind of failure an AWS call ended with, so a message gives the fix that fits it: rejected
 * credentials want new credentials, but throttling, a server error or an endpoint that does not
 * answer want patience or a network fix — telling users to check that their credentials are not
 * expired would send them the wrong way. Decided from the SDK's exception types, status codes and
 * error codes, never from message text.
 */
public enum AwsFailure {
    /** The service rejected the credentials (expired, unknown key, bad signature). */
    CREDENTIALS_REJECTED,
    /** The service throttled the call, still after the SDK's retries. */
    THROTTLED,
    /** The service answered with a server error (HTTP 5xx), still after the SDK's retries. */
    SERVER_ERROR,
    /** The service did not answer in time (a stalled endpoint, a timeout). */
    NO_ANSWER,
    /** The endpoint could not be reached (connection refused, unknown host, TLS). */
    UNREACHABLE,
    /** Anything else (a validation error, access denied to a resource). */
    OTHER;

    /** Error codes with which services reject the credentials themselves. */
    private static final Set<String> REJECTED_CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidAccessKeyId",
            "IncompleteSignature", "AuthFailure", "RequestExpired", "InvalidToken", "TokenRefreshRequired");

    /** The kind of {@code failure}. */
    public static AwsFailure of(Throwable failure) {
        if (failure instanceof SdkServiceException service && service.isThrottlingException()) {
            return THROTTLED;
        }
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (code != null && REJECTED_CREDENTIALS.contains(code)) {
                return CREDENTIALS_REJECTED;
            }
            return service.statusCode() >= 500 ? SERVER_ERROR : OTHER;
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || hasCause(failure, SocketTimeoutException.class)) {
            return NO_ANSWER;
        }
        return failure instanceof SdkClientException ? UNREACHABLE : OTHER;
    }

    /** The error code for a failure of this kind: only rejected credentials are a credentials problem. */
    public ErrorCode errorCode(ErrorCode otherwise) {
        return switch (this) {
            case CREDENTIALS_REJECTED -> ErrorCode.CREDENTIALS;
            case THROTTLED, SERVER_ERROR, NO_ANSWER, UNREACHABLE -> ErrorCode.AWS;
            case OTHER -> otherwise;
        };
    }

    /**
     * The fix for a failure of this kind, as a sentence for the end of a message.
     *
     * @param service    the service called, e.g. {@code STS}
     * @param otherwise  the advice for {@link #OTHER}
     */
    public String advice(String service, String otherwise) {
        return switch (this) {
            case CREDENTIALS_REJECTED -> "Check that they are valid and not expired.";
            case THROTTLED -> service + " is throttling these calls, still after the AWS SDK's retries: try again"
                    + " in a few minutes, or make fewer calls at the same time.";
            case SERVER_ERROR -> service + " answered with a server error, still after the AWS SDK's retries: try"
                    + " again later (the AWS Health Dashboard shows service events).";
            case NO_ANSWER -> service + " did not answer in time: check the network path to its endpoint (proxy,"
                    + " firewall, AWS_ENDPOINT_URL) and try again (" + AwsTimeouts.CALL_VARIABLE + " sets how long one"
                    + " call may take).";
            case UNREACHABLE -> service + " could not be reached: check the network, the proxy and the endpoint"
                    + " settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_" + service.toUpperCase(java.util.Locale.ROOT)
                    + ").";
            case OTHER -> otherwise;
        };
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
