package io.elbreconcile.aws;

import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sees every HTTP attempt the SDK makes, retries included: it holds each attempt to the shared
 * rate limit and counts the attempts beyond the first of each call as retries.
 */
final class CallAccounting implements ExecutionInterceptor {

    private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("elb-reconcile.attempts");

    private final TokenBucket rateLimit;
    private final LongAdder retries = new LongAdder();
    /** Per thread, for this port only: a sync client runs a call's interceptors on the caller's thread. */
    private final ThreadLocal<CallTally> tally = ThreadLocal.withInitial(() -> CallTally.NONE);

    /** @param rateLimit null for no limit */
    CallAccounting(TokenBucket rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPTS, new AtomicInteger());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null && attempts.incrementAndGet() > 1) {
            retries.increment();
        }
        tally.set(new CallTally(tally.get().attempts() + 1, tally.get().lastRequestId()));
        if (rateLimit != null) {
            // Retries queue for tokens too, so a throttled burst does not come straight back.
            rateLimit.acquire();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof AwsResponse response && response.responseMetadata().requestId() != null
                && !"UNKNOWN".equals(response.responseMetadata().requestId())) {
            tally.set(new CallTally(tally.get().attempts(), response.responseMetadata().requestId()));
        }
    }

    CallTally tallyOnThisThread() {
        return tally.get();
    }

    long retries() {
        return retries.sum();
    }
}
