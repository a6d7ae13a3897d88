package io.elbreconcile.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Turns whatever the SDK threw into a {@link PortError}, keeping code, status and request id. */
final class SdkErrors {

    private SdkErrors() {
    }

    /**
     * @param endpoint where the call went, named when it got no answer
     * @param callTimeout the limit a call without an answer ran into
     */
    static PortError toPortError(RuntimeException e, String operation, String endpoint, Duration callTimeout) {
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
            int status = service.statusCode();
            return new PortError(ErrorClassifier.classify(code, status), code == null ? "HTTP" + status : code, message,
                    status, service.requestId(), operation, e);
        }
        if (e instanceof SdkServiceException service) {
            int status = service.statusCode();
            return new PortError(ErrorClassifier.classify(null, status), "HTTP" + status, e.getMessage(), status,
                    service.requestId(), operation, e);
        }
        if (causeOfType(e, ApiCallTimeoutException.class) != null || causeOfType(e, ApiCallAttemptTimeoutException.class) != null) {
            return new PortError(ErrorKind.RETRYABLE, ErrorClassifier.CONNECTION_FAILURE, "no answer from " + endpoint
                    + " within " + seconds(callTimeout) + " (--call-timeout SECONDS changes the limit)", 0, null, operation, e);
        }
        Throwable role = causeOfType(e, RoleCredentials.RoleNotAssumed.class);
        if (role != null) {
            return new PortError(ErrorKind.REJECTED, "AssumeRoleFailed", role.getMessage(), 0, null, operation, e);
        }
        // Client-side failures carry no AWS code; what they are is told by their cause's type.
        String code = causeOfType(e, ResolvedConnection.CredentialsUnavailable.class) != null
                ? ErrorClassifier.MISSING_CREDENTIALS
                : causeOfType(e, IOException.class) != null || causeOfType(e, UncheckedIOException.class) != null
                ? ErrorClassifier.CONNECTION_FAILURE
                : "ClientError";
        Throwable explained = causeOfType(e, ResolvedConnection.CredentialsUnavailable.class);
        Throwable unresolved = causeOfType(e, java.net.UnknownHostException.class);
        String message = explained != null ? explained.getMessage()
                : unresolved != null ? "cannot resolve the host of " + endpoint + ": check the network and DNS, or pass --endpoint-url"
                : code.equals(ErrorClassifier.CONNECTION_FAILURE) ? "cannot reach " + endpoint + ": " + deepestMessage(e)
                : e.getMessage();
        return new PortError(ErrorClassifier.classify(code, 0), code, message, 0, null, operation, e);
    }

    /** "Connection refused", not the SDK's wrapping of it. */
    private static String deepestMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
