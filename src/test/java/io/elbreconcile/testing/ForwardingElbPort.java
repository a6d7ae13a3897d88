package io.elbreconcile.testing;

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
import java.util.Objects;
import java.util.SortedMap;

/**
 * A port that hands every call to another one, so that a test double wrapping a real port holds
 * only the calls it watches or changes. {@link #beforeCall()} runs ahead of each read and write
 * (the calls that reach the target), not ahead of {@code target}, {@code stats} or {@code close}.
 *
 * <p>{@link #tallyOnThisThread()} is deliberately not forwarded: the doubles built on this have
 * always reported {@code CallTally.NONE}, and apply's output under them must stay as it was.
 */
public abstract class ForwardingElbPort implements ElbPort {

    private final ElbPort delegate;

    protected ForwardingElbPort(ElbPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Runs before each read and each write is forwarded; by default nothing. */
    protected void beforeCall() {
    }

    @Override
    public Target target() {
        return delegate.target();
    }

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        beforeCall();
        return delegate.describeLoadBalancers(marker, pageSize);
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        beforeCall();
        return delegate.describeLoadBalancers(names);
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        beforeCall();
        return delegate.describeTags(names);
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        beforeCall();
        return delegate.describePolicies(loadBalancer);
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        beforeCall();
        return delegate.describeAttributes(loadBalancer);
    }

    @Override
    public void write(Operation operation) {
        beforeCall();
        delegate.write(operation);
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
