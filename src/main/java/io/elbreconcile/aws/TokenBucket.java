package io.elbreconcile.aws;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A client-side rate limit shared by every thread of one port: {@code ratePerSecond} requests a
 * second on average, bursts up to {@code burst}. A caller that finds the bucket empty reserves the
 * next token (the count goes negative) and sleeps outside the lock, so waiting callers are served
 * in arrival order and the lock is never held while sleeping.
 */
public final class TokenBucket {

    /** Sleeps for the given nanoseconds; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double nanosPerToken;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    private double tokens;
    private long lastRefill;

    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
        this.nanosPerToken = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** A bucket on the system clock; the burst is one second's worth (at least one request). */
    public static TokenBucket perSecond(double ratePerSecond) {
        return new TokenBucket(ratePerSecond, (int) Math.max(1, Math.floor(ratePerSecond)), System::nanoTime,
                nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    /** Blocks until the caller may send one request. */
    public void acquire() {
        long wait = reserve();
        if (wait > 0) {
            try {
                sleeper.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the rate limit", e);
            }
        }
    }

    /** Takes one token and returns how long the caller must wait before using it, in nanoseconds. */
    synchronized long reserve() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastRefill) / nanosPerToken);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
    }
}
