package io.elbreconcile.aws;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource({
            "LoadBalancerNotFound,        400, LOAD_BALANCER_NOT_FOUND",
            "AccessPointNotFound,         400, LOAD_BALANCER_NOT_FOUND",
            "DuplicatePolicyName,         400, DUPLICATE_POLICY_NAME",
            "TooManyPolicies,             400, TOO_MANY_POLICIES",
            "InvalidConfigurationRequest, 409, INVALID_CONFIGURATION",
            "ListenerNotFound,            400, NOT_FOUND",
            "PolicyNotFound,              400, NOT_FOUND",
            "PolicyTypeNotFound,          400, NOT_FOUND",
            "LoadBalancerAttributeNotFound, 400, NOT_FOUND",
            "Throttling,                  400, RETRYABLE",
            "ThrottlingException,         400, RETRYABLE",
            "RequestLimitExceeded,        400, RETRYABLE",
            "ServiceUnavailable,          503, RETRYABLE",
            "InternalFailure,             500, RETRYABLE",
            "ConnectionFailure,           0,   RETRYABLE",
            "SomethingNew,                502, RETRYABLE",
            "ValidationError,             400, REJECTED",
            "AccessDenied,                403, REJECTED",
            "AccessDeniedException,       400, REJECTED",
            "UnrecognizedClientException, 400, REJECTED",
            "InvalidClientTokenId,        403, REJECTED",
            "ExpiredToken,                400, REJECTED",
            "SignatureDoesNotMatch,       403, REJECTED",
            "MissingCredentials,          0,   REJECTED",
            "DuplicateLoadBalancerName,   400, OTHER",
            "DuplicateListener,           400, OTHER",
            "SomethingNew,                400, OTHER",
            "'',                          400, OTHER",
    })
    void classifiesByCodeThenStatus(String code, int status, ErrorKind expected) {
        assertEquals(expected, ErrorClassifier.classify(code, status));
    }

    @ParameterizedTest
    @CsvSource({"AccessPointNotFoundException", "DuplicatePolicyNameException", "loadbalancernotfound"})
    void exceptionClassNamesAndOtherSpellingsAreNotCodes(String notACode) {
        assertEquals(ErrorKind.OTHER, ErrorClassifier.classify(notACode, 400));
    }

    @org.junit.jupiter.api.Test
    void aMissingCodeFallsBackToTheStatus() {
        assertEquals(ErrorKind.RETRYABLE, ErrorClassifier.classify(null, 500));
        assertEquals(ErrorKind.OTHER, ErrorClassifier.classify(null, 400));
    }
}
