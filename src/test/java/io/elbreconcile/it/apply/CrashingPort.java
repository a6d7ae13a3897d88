package io.elbreconcile.it.apply;

import io.elbreconcile.aws.CallStats;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.LoadBalancerPage;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.Target;
import io.elbreconcile.plan.operation.Operation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link ElbPort} that lets {@code crashAfter} mutating calls through to the real port and then
 * "crashes": an {@link Error} (which no step runner catches) is thrown right after the last one
 * returns and by every call after it, so nothing more reaches the target, as if the process died.
 */
final class CrashingPort implements ElbPort {

    /** The process "died" here. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    private final ElbPort delegate;
    private final int crashAfter;
    private final AtomicInteger mutating = new AtomicInteger();

    CrashingPort(ElbPort delegate, int crashAfter) {
        this.delegate = delegate;
        this.crashAfter = crashAfter;
    }

    /** Mutating calls that reached the target. */
    int mutatingCalls() {
        return mutating.get();
    }

    private void alive() {
        if (mutating.get() >= crashAfter) {
            throw new SimulatedCrash("simulated crash: the process is gone after " + crashAfter + " mutating calls");
        }
    }

    @Override
    public Target target() {
        return delegate.target();
    }

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        alive();
        return delegate.describeLoadBalancers(marker, pageSize);
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        alive();
        return delegate.describeLoadBalancers(names);
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        alive();
        return delegate.describeTags(names);
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        alive();
        return delegate.describeAttributes(loadBalancer);
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        alive();
        return delegate.describePolicies(loadBalancer);
    }

    @Override
    public void write(Operation operation) {
        alive();
        delegate.write(operation);
        if (mutating.incrementAndGet() >= crashAfter) {
            throw new SimulatedCrash("simulated crash right after mutating call " + crashAfter);
        }
    }

    @Override
    public CallStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
