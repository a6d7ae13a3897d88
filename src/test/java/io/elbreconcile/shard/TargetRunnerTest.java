package io.elbreconcile.shard;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetRunnerTest {

    @Test
    void outcomesComeBackInTargetOrderAndAFailureStopsNoOtherTarget() {
        TargetRunner runner = new TargetRunner(4, failure -> "failed: " + failure.getMessage());
        List<TargetOutcome<Integer>> outcomes = runner.run(List.of("a", "b", "c"), List.of(1, 2, 3), n -> {
            if (n == 2) {
                throw new IllegalStateException("unreachable");
            }
            return n * 10;
        });
        assertEquals(List.of("a", "b", "c"), outcomes.stream().map(TargetOutcome::target).toList());
        assertEquals(new TargetOutcome.Done<>("a", 10), outcomes.get(0));
        assertEquals("failed: unreachable", ((TargetOutcome.Failed<Integer>) outcomes.get(1)).message());
        assertEquals(new TargetOutcome.Done<>("c", 30), outcomes.get(2));
    }

    @Test
    void targetsRunTogetherUpToTheParallelismAndNeverMore() throws InterruptedException {
        // Two targets can only both finish if they run at the same time: each waits for the other.
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        List<Integer> peaks = new ArrayList<>();
        TargetRunner runner = new TargetRunner(2, RuntimeException::getMessage);
        List<TargetOutcome<Boolean>> outcomes = runner.run(List.of("a", "b", "c", "d"), List.of(1, 2, 3, 4), n -> {
            int now = running.incrementAndGet();
            synchronized (peaks) {
                peaks.add(now);
            }
            bothStarted.countDown();
            try {
                return bothStarted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        });
        assertTrue(outcomes.stream().allMatch(o -> o.value().orElse(false)), outcomes.toString());
        assertTrue(peaks.stream().allMatch(peak -> peak <= 2), "at most 2 at once: " + peaks);
    }

    @Test
    void parallelismBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TargetRunner(0, RuntimeException::getMessage));
    }
}
