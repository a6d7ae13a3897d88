package io.elbreconcile.aws;

/**
 * How the core must react to a failed call. Classified by the AWS error {@code <Code>}, never by
 * exception class or message (reference fact 8).
 */
public enum ErrorKind {
    /** LoadBalancerNotFound: the step and its dependents fail. */
    LOAD_BALANCER_NOT_FOUND(false),
    /** DuplicatePolicyName: re-observe and adopt if identical. */
    DUPLICATE_POLICY_NAME(false),
    /** TooManyPolicies: name the count and the orphans. */
    TOO_MANY_POLICIES(false),
    /** InvalidConfigurationRequest (409): AWS's message is the explanation. */
    INVALID_CONFIGURATION(false),
    /** ListenerNotFound, PolicyNotFound and other not-found codes. */
    NOT_FOUND(false),
    /** Throttling, 5xx and connection errors: retried behind the port, surfaced only when retries run out. */
    RETRYABLE(true),
    /** ValidationError, access denied, expired or missing credentials: fail fast. */
    REJECTED(false),
    /** Any other code: fail the step with AWS's message. */
    OTHER(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
