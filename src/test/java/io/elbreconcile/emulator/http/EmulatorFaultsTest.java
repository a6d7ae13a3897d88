package io.elbreconcile.emulator.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults with a fake clock: repeatable error decisions and a token bucket refilled by time. */
class EmulatorFaultsTest {

    @Test
    void sameSeedSameFailures() {
        assertEquals(decisions(42), decisions(42));
        long failures = decisions(42).stream().filter(b -> b).count();
        assertTrue(failures > 20 && failures < 80, "about half of 100 fail: " + failures);
    }

    @Test
    void tokenBucketAdmitsTheRateAndRefillsWithTime() {
        AtomicLong now = new AtomicLong();
        Faults faults = new Faults(0, 2, 0, 0, now::get);
        assertTrue(faults.admit());
        assertTrue(faults.admit());
        assertFalse(faults.admit());
        now.addAndGet(500_000_000L);
        assertTrue(faults.admit());
        assertFalse(faults.admit());
        now.addAndGet(10_000_000_000L);
        assertTrue(faults.admit());
        assertTrue(faults.admit());
        assertFalse(faults.admit(), "the burst is capped at one second's worth");
    }

    @Test
    void noFaultsAdmitsEverything() {
        Faults none = Faults.none();
        for (int i = 0; i < 1000; i++) {
            assertTrue(none.admit());
            assertFalse(none.failThisOne());
        }
    }

    private static List<Boolean> decisions(long seed) {
        Faults faults = new Faults(0, 0, 0.5, seed, System::nanoTime);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(faults.failThisOne());
        }
        return out;
    }
}
