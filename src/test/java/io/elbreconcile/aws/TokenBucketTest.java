package io.elbreconcile.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Long> slept = new ArrayList<>();

    private TokenBucket bucket(double rate, int burst) {
        return new TokenBucket(rate, burst, now::get, nanos -> {
            slept.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void aFullBucketLetsABurstThroughWithoutWaiting() {
        TokenBucket bucket = bucket(10, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.reserve());
        }
        assertEquals(100 * MS, bucket.reserve());
    }

    @Test
    void waitersQueueUpOneIntervalApart() {
        TokenBucket bucket = bucket(10, 1);
        assertEquals(0, bucket.reserve());
        assertEquals(100 * MS, bucket.reserve());
        assertEquals(200 * MS, bucket.reserve());
    }

    @Test
    void tokensRefillWithTimeButNeverBeyondTheBurst() {
        TokenBucket bucket = bucket(10, 2);
        bucket.reserve();
        bucket.reserve();
        now.addAndGet(10_000 * MS);
        assertEquals(0, bucket.reserve());
        assertEquals(0, bucket.reserve());
        assertEquals(100 * MS, bucket.reserve());
    }

    @Test
    void acquireSleepsForTheReservedTime() {
        TokenBucket bucket = bucket(4, 1);
        bucket.acquire();
        bucket.acquire();
        bucket.acquire();
        assertEquals(List.of(250 * MS, 250 * MS), slept);
    }

    @Test
    void manyThreadsTogetherGetExactlyTheRate() throws Exception {
        // With a frozen clock every reservation after the burst waits one interval more than the last.
        AtomicLong frozen = new AtomicLong(0);
        TokenBucket bucket = new TokenBucket(100, 1, frozen::get, nanos -> { });
        int threads = 8;
        int each = 50;
        List<Long> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    waits.add(bucket.reserve());
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        List<Long> sorted = new ArrayList<>(waits);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(i * 10 * MS, sorted.get(i));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> bucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> bucket(1, 0));
    }
}
