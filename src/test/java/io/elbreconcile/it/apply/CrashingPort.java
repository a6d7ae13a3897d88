package io.elbreconcile.it.apply;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.plan.operation.Operation;
import io.elbreconcile.testing.ForwardingElbPort;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ElbPort} that lets {@code crashAfter} mutating calls through to the real port and then
 * "crashes": an {@link Error} (which no step runner catches) is thrown right after the last one
 * returns and by every call after it, so nothing more reaches the target, as if the process died.
 * At parallelism above 1 other workers' writes race the crash: a write takes its place in line
 * before it starts, so only the first {@code crashAfter} ever reach the target.
 */
final class CrashingPort extends ForwardingElbPort {

    /** The process "died" here. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    private final int crashAfter;
    private final AtomicInteger letThrough = new AtomicInteger();
    private final AtomicInteger mutating = new AtomicInteger();

    CrashingPort(ElbPort delegate, int crashAfter) {
        super(delegate);
        this.crashAfter = crashAfter;
    }

    /** Mutating calls that reached the target. */
    int mutatingCalls() {
        return mutating.get();
    }

    /** Once crashed, no call reaches the target. */
    @Override
    protected void beforeCall() {
        if (mutating.get() >= crashAfter) {
            throw gone();
        }
    }

    @Override
    public void write(Operation operation) {
        if (letThrough.incrementAndGet() > crashAfter) {
            throw gone();
        }
        super.write(operation);
        if (mutating.incrementAndGet() >= crashAfter) {
            throw new SimulatedCrash("simulated crash right after mutating call " + crashAfter);
        }
    }

    private SimulatedCrash gone() {
        return new SimulatedCrash("simulated crash: the process is gone after " + crashAfter + " mutating calls");
    }
}
