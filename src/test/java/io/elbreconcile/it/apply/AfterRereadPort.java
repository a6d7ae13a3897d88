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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ElbPort} through which another writer acts once, right after apply's re-read of the
 * load balancers (its first DescribeLoadBalancers by name) has returned: the narrow window the
 * re-read cannot close, where AWS's own answers (DuplicatePolicyName, LoadBalancerNotFound,
 * InvalidConfigurationRequest) are what protects the target (PRODUCT.md section 6).
 */
final class AfterRereadPort implements ElbPort {

    private final ElbPort delegate;
    private final Runnable otherWriter;
    private final AtomicBoolean acted = new AtomicBoolean();

    AfterRereadPort(ElbPort delegate, Runnable otherWriter) {
        this.delegate = delegate;
        this.otherWriter = otherWriter;
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        List<ObservedLoadBalancer> found = delegate.describeLoadBalancers(names);
        if (acted.compareAndSet(false, true)) {
            otherWriter.run();
        }
        return found;
    }

    @Override
    public Target target() {
        return delegate.target();
    }

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        return delegate.describeLoadBalancers(marker, pageSize);
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        return delegate.describeTags(names);
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        return delegate.describeAttributes(loadBalancer);
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        return delegate.describePolicies(loadBalancer);
    }

    @Override
    public void write(Operation operation) {
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
