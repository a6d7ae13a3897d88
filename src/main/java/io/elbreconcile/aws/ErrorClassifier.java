package io.elbreconcile.aws;

import java.util.Map;

/**
 * Maps an AWS error {@code <Code>} (and, for unknown codes, the HTTP status) to an {@link ErrorKind}.
 * Never looks at exception classes or messages: the code is the error's identity (reference fact 8).
 */
public final class ErrorClassifier {

    /** Synthetic code for a call that never got an answer (refused, reset, timed out). */
    public static final String CONNECTION_FAILURE = "ConnectionFailure";
    /** Synthetic code for a call that could not be signed because no credentials were found. */
    public static final String MISSING_CREDENTIALS = "MissingCredentials";

    private static final Map<String, ErrorKind> BY_CODE = Map.ofEntries(
            // AccessPointNotFound is the model's shape name; some SDKs and emulators put it on the wire.
            Map.entry("LoadBalancerNotFound", ErrorKind.LOAD_BALANCER_NOT_FOUND),
            Map.entry("AccessPointNotFound", ErrorKind.LOAD_BALANCER_NOT_FOUND),
            Map.entry("DuplicatePolicyName", ErrorKind.DUPLICATE_POLICY_NAME),
            Map.entry("TooManyPolicies", ErrorKind.TOO_MANY_POLICIES),
            Map.entry("InvalidConfigurationRequest", ErrorKind.INVALID_CONFIGURATION),
            Map.entry("ListenerNotFound", ErrorKind.NOT_FOUND),
            Map.entry("PolicyNotFound", ErrorKind.NOT_FOUND),
            Map.entry("PolicyTypeNotFound", ErrorKind.NOT_FOUND),
            Map.entry("LoadBalancerAttributeNotFound", ErrorKind.NOT_FOUND),
            Map.entry("CertificateNotFound", ErrorKind.NOT_FOUND),
            Map.entry("SubnetNotFound", ErrorKind.NOT_FOUND),
            Map.entry("Throttling", ErrorKind.RETRYABLE),
            Map.entry("ThrottlingException", ErrorKind.RETRYABLE),
            Map.entry("RequestLimitExceeded", ErrorKind.RETRYABLE),
            Map.entry("RequestThrottled", ErrorKind.RETRYABLE),
            Map.entry("DependencyThrottle", ErrorKind.RETRYABLE),
            Map.entry("ServiceUnavailable", ErrorKind.RETRYABLE),
            Map.entry("InternalFailure", ErrorKind.RETRYABLE),
            Map.entry("InternalError", ErrorKind.RETRYABLE),
            Map.entry(CONNECTION_FAILURE, ErrorKind.RETRYABLE),
            Map.entry("ValidationError", ErrorKind.REJECTED),
            Map.entry("InvalidParameterValue", ErrorKind.REJECTED),
            Map.entry("InvalidParameterCombination", ErrorKind.REJECTED),
            Map.entry("MissingParameter", ErrorKind.REJECTED),
            Map.entry("AccessDenied", ErrorKind.REJECTED),
            Map.entry("AccessDeniedException", ErrorKind.REJECTED),
            Map.entry("NotAuthorized", ErrorKind.REJECTED),
            Map.entry("AuthFailure", ErrorKind.REJECTED),
            Map.entry("OptInRequired", ErrorKind.REJECTED),
            Map.entry("UnrecognizedClientException", ErrorKind.REJECTED),
            Map.entry("InvalidClientTokenId", ErrorKind.REJECTED),
            Map.entry("ExpiredToken", ErrorKind.REJECTED),
            Map.entry("ExpiredTokenException", ErrorKind.REJECTED),
            Map.entry("RequestExpired", ErrorKind.REJECTED),
            Map.entry("SignatureDoesNotMatch", ErrorKind.REJECTED),
            Map.entry("IncompleteSignature", ErrorKind.REJECTED),
            Map.entry("MissingAuthenticationToken", ErrorKind.REJECTED),
            Map.entry(MISSING_CREDENTIALS, ErrorKind.REJECTED));

    private ErrorClassifier() {
    }

    /**
     * @param code the AWS error code, null when the service sent none
     * @param httpStatus 0 when the call got no answer
     */
    public static ErrorKind classify(String code, int httpStatus) {
        ErrorKind known = code == null ? null : BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        // An unknown code with a 5xx is still the service's fault, so retrying is sound.
        return httpStatus >= 500 ? ErrorKind.RETRYABLE : ErrorKind.OTHER;
    }
}
