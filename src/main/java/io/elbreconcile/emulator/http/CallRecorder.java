package io.elbreconcile.emulator.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts every request that reached an action (whether the action then succeeded or not) and keeps
 * the most recent ones in order. The log is bounded so that a long-running emulator does not grow
 * without limit; counts are exact.
 */
public final class CallRecorder {
    static final int LOG_CAPACITY = 100_000;

    private final SortedMap<String, Long> counts = new TreeMap<>();
    private final ArrayDeque<RecordedCall> log = new ArrayDeque<>();
    private long mutating;

    public synchronized void record(RecordedCall call, boolean mutatingAction) {
        counts.merge(call.action(), 1L, Long::sum);
        if (mutatingAction) {
            mutating++;
        }
        if (log.size() == LOG_CAPACITY) {
            log.removeFirst();
        }
        log.addLast(call);
    }

    public synchronized Map<String, Long> counts() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    public synchronized long mutatingCount() {
        return mutating;
    }

    public synchronized List<RecordedCall> log() {
        return List.copyOf(new ArrayList<>(log));
    }

    public synchronized void reset() {
        counts.clear();
        log.clear();
        mutating = 0;
    }

    /** {@code {"calls": {...}, "mutating": N}}; action names need no JSON escaping. */
    public synchronized String toJson() {
        StringBuilder json = new StringBuilder("{\"calls\": {");
        String separator = "";
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\": ").append(entry.getValue());
            separator = ", ";
        }
        return json.append("}, \"mutating\": ").append(mutating).append('}').toString();
    }
}
