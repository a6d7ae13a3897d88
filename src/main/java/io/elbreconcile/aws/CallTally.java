package io.elbreconcile.aws;

/**
 * What the calls made so far on one thread cost: HTTP attempts (retries included) and the AWS
 * request id of the latest answer. Apply takes the difference around a step to report the step's
 * attempts and request id, since a step runs its calls on one thread.
 *
 * @param lastRequestId null when no answer carried one
 */
public record CallTally(long attempts, String lastRequestId) {

    public static final CallTally NONE = new CallTally(0, null);

    /** The calls made since {@code earlier}, a tally of the same thread. */
    public CallTally since(CallTally earlier) {
        return new CallTally(attempts - earlier.attempts, attempts == earlier.attempts ? null : lastRequestId);
    }
}
