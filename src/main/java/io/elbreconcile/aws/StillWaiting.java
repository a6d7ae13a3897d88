package io.elbreconcile.aws;

import java.time.Duration;

/**
 * Hears that calls to a slow endpoint are still waiting for an answer (see {@link SdkElbPort}),
 * so that a command can say what it waits for rather than stay silent until the call timeout.
 */
@FunctionalInterface
public interface StillWaiting {

    /** Says nothing: for callers with no one to tell. */
    StillWaiting NOBODY = (endpoint, operation, otherCalls, waited) -> { };

    /**
     * @param operation the call that has waited longest, e.g. {@code DescribeLoadBalancers}
     * @param otherCalls how many more calls are waiting as well
     * @param waited how long that call has waited so far
     */
    void stillWaiting(String endpoint, String operation, int otherCalls, Duration waited);
}
