package io.elbreconcile.aws;

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
        if (rateLimit != null) {
            // Retries queue for tokens too, so a throttled burst does not come straight back.
            rateLimit.acquire();
        }
    }

    long retries() {
        return retries.sum();
    }
}
