package io.elbreconcile.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tells the user what a command is waiting for when the endpoint is slow to answer, instead of
 * staying silent until the call timeout: once the oldest call in flight has waited
 * {@link #NOTICE_AFTER}, and again every {@link #NOTICE_INTERVAL} while calls still wait. One notice
 * speaks for all calls in flight, so a hundred stalled calls make one line, not a hundred.
 */
final class WaitingCalls implements AutoCloseable {

    static final Duration NOTICE_AFTER = Duration.ofSeconds(5);
    static final Duration NOTICE_INTERVAL = Duration.ofSeconds(10);

    private record InFlight(String operation, long startedNanos) {
    }

    private final String endpoint;
    private final StillWaiting listener;
    private final LongSupplier nanoTime;
    private final long noticeAfterNanos;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object noticing = new Object();
    private long lastNoticeNanos;
    private boolean noticed;
    private ScheduledThreadPoolExecutor timer;

    /**
     * @param callTimeout a call ends by then: the first notice comes at 5 s, or at half the call
     *        timeout when that is shorter, so that a short timeout still says what it waited for
     */
    WaitingCalls(String endpoint, Duration callTimeout, StillWaiting listener, LongSupplier nanoTime) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.noticeAfterNanos = Math.min(NOTICE_AFTER.toNanos(), callTimeout.toNanos() / 2);
    }

    /** One call being waited for; closing it says the call ended, however it ended. */
    interface Call extends AutoCloseable {
        @Override
        void close();
    }

    /** A call starts. */
    Call started(String operation) {
        if (listener == StillWaiting.NOBODY) {
            return () -> { };
        }
        long id = ids.incrementAndGet();
        inFlight.put(id, new InFlight(operation, nanoTime.getAsLong()));
        ScheduledFuture<?> check;
        try {
            check = timer().schedule(this::check, noticeAfterNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            inFlight.remove(id);
            return () -> { };
        }
        return () -> {
            inFlight.remove(id);
            check.cancel(false);
        };
    }

    private void check() {
        long now = nanoTime.getAsLong();
        InFlight oldest = null;
        for (InFlight call : inFlight.values()) {
            if (oldest == null || call.startedNanos() < oldest.startedNanos()) {
                oldest = call;
            }
        }
        if (oldest == null || now - oldest.startedNanos() < noticeAfterNanos) {
            return;
        }
        synchronized (noticing) {
            if (noticed && now - lastNoticeNanos < NOTICE_INTERVAL.toNanos()) {
                return; // another call's notice spoke for this one a moment ago
            }
            noticed = true;
            lastNoticeNanos = now;
        }
        listener.stillWaiting(endpoint, oldest.operation(), inFlight.size() - 1,
                Duration.ofSeconds(Math.max(1, Math.round((now - oldest.startedNanos()) / 1e9))));
        ScheduledThreadPoolExecutor current = timer;
        if (current != null && !current.isShutdown()) {
            current.schedule(this::check, NOTICE_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "elb-call-watch");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
