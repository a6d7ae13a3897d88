package io.elbreconcile.aws;

/** What a port did: calls sent (each counted once, however often retried) and retries. */
public record CallStats(long readCalls, long mutatingCalls, long retries) {
}
