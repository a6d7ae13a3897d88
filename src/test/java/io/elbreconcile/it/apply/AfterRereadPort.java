package io.elbreconcile.it.apply;

import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.testing.ForwardingElbPort;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ElbPort} through which another writer acts once, right after apply's re-read of the
 * load balancers (its first DescribeLoadBalancers by name) has returned: the narrow window the
 * re-read cannot close, where AWS's own answers (DuplicatePolicyName, LoadBalancerNotFound,
 * InvalidConfigurationRequest) are what protects the target (PRODUCT.md section 6).
 */
final class AfterRereadPort extends ForwardingElbPort {

    private final Runnable otherWriter;
    private final AtomicBoolean acted = new AtomicBoolean();

    AfterRereadPort(ElbPort delegate, Runnable otherWriter) {
        super(delegate);
        this.otherWriter = otherWriter;
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        List<ObservedLoadBalancer> found = super.describeLoadBalancers(names);
        if (acted.compareAndSet(false, true)) {
            otherWriter.run();
        }
        return found;
    }
}
