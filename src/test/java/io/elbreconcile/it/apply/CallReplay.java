package io.elbreconcile.it.apply;

import io.elbreconcile.emulator.http.RecordedCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays an apply's recorded calls one by one and, after each, checks what a reader of the load
 * balancer would see at that moment: the gaps a non-atomic sequence of writes would open.
 */
abstract class CallReplay {

    /** What each port (listener or instance port, by the subclass) names, as the calls so far left it. */
    final Map<Integer, List<String>> lists = new TreeMap<>();

    /** Follows one call's effect on the replayed state. */
    abstract void play(RecordedCall call);

    /** Adds to {@code gaps} whatever is wrong right after {@code call}. */
    abstract void check(RecordedCall call, List<String> gaps);

    /** A Set...Policies call: the port named by {@code portParameter} now names exactly its PolicyNames. */
    final void setList(RecordedCall call, String portParameter) {
        lists.put(Integer.parseInt(call.parameters().get(portParameter)), Harness.members(call, "PolicyNames"));
    }

    final List<String> gaps(List<RecordedCall> calls) {
        List<String> gaps = new ArrayList<>();
        for (RecordedCall call : calls) {
            play(call);
            check(call, gaps);
        }
        return gaps;
    }
}
