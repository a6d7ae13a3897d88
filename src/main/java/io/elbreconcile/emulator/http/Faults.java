package io.elbreconcile.emulator.http;

import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Fault injection for testing clients: a fixed latency, a token-bucket throttle (requests per
 * second, burst of one second's worth) and a share of requests failed with 500. The random source
 * is seeded so a run can be repeated.
 */
public final class Faults {
    private final long latencyMs;
    private final double throttleRate;
    private final double errorRate;
    private final Random random;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefill;

    public Faults(long latencyMs, double throttleRate, double errorRate, long seed, LongSupplier nanoTime) {
        if (latencyMs < 0 || throttleRate < 0 || errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("latency and throttle rate must be >= 0, error rate within 0..1");
        }
        this.latencyMs = latencyMs;
        this.throttleRate = throttleRate;
        this.errorRate = errorRate;
        this.random = new Random(seed);
        this.nanoTime = nanoTime;
        this.tokens = capacity();
        this.lastRefill = nanoTime.getAsLong();
    }

    public static Faults none() {
        return new Faults(0, 0, 0, 0, System::nanoTime);
    }

    public long latencyMs() {
        return latencyMs;
    }

    /** True when the request may proceed; false means answer {@code Throttling}. */
    public synchronized boolean admit() {
        if (throttleRate <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity(), tokens + (now - lastRefill) / 1e9 * throttleRate);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Decided before the action runs, so a failed request leaves the world unchanged. */
    public synchronized boolean failThisOne() {
        return errorRate > 0 && random.nextDouble() < errorRate;
    }

    private double capacity() {
        return Math.max(1, throttleRate);
    }
}
