package io.elbreconcile.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns whatever the SDK threw into a {@link PortError}, keeping code, status and request id. */
final class SdkErrors {

    private SdkErrors() {
    }

    static PortError toPortError(RuntimeException e, String operation) {
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
        // Client-side failures carry no AWS code; what they are is told by their cause's type.
        String code = causeOfType(e, ResolvedConnection.CredentialsUnavailable.class) != null
                ? ErrorClassifier.MISSING_CREDENTIALS
                : causeOfType(e, IOException.class) != null || causeOfType(e, UncheckedIOException.class) != null
                ? ErrorClassifier.CONNECTION_FAILURE
                : "ClientError";
        Throwable explained = causeOfType(e, ResolvedConnection.CredentialsUnavailable.class);
        String message = explained != null ? explained.getMessage() : e.getMessage();
        return new PortError(ErrorClassifier.classify(code, 0), code, message, 0, null, operation, e);
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
