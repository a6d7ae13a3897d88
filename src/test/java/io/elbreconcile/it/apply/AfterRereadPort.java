package io.elbreconcile.it.apply;

import io.elbreconcile.aws.CallStats;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.LoadBalancerPage;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyAttribute;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Target;

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
    public String createLoadBalancer(String name, Scheme scheme, List<String> availabilityZones, List<String> subnets,
                                     List<String> securityGroups, List<Listener> listeners, Map<String, String> tags) {
        return delegate.createLoadBalancer(name, scheme, availabilityZones, subnets, securityGroups, listeners, tags);
    }

    @Override
    public void deleteLoadBalancer(String name) {
        delegate.deleteLoadBalancer(name);
    }

    @Override
    public void createListeners(String loadBalancer, List<Listener> listeners) {
        delegate.createListeners(loadBalancer, listeners);
    }

    @Override
    public void deleteListeners(String loadBalancer, List<Integer> ports) {
        delegate.deleteListeners(loadBalancer, ports);
    }

    @Override
    public void createLbCookiePolicy(String loadBalancer, String policyName, long cookieExpirationPeriod) {
        delegate.createLbCookiePolicy(loadBalancer, policyName, cookieExpirationPeriod);
    }

    @Override
    public void createAppCookiePolicy(String loadBalancer, String policyName, String cookieName) {
        delegate.createAppCookiePolicy(loadBalancer, policyName, cookieName);
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        return delegate.describePolicies(loadBalancer);
    }

    @Override
    public void createPolicy(String loadBalancer, String policyName, String policyTypeName, List<PolicyAttribute> attributes) {
        delegate.createPolicy(loadBalancer, policyName, policyTypeName, attributes);
    }

    @Override
    public void deletePolicy(String loadBalancer, String policyName) {
        delegate.deletePolicy(loadBalancer, policyName);
    }

    @Override
    public void setListenerPolicies(String loadBalancer, int port, List<String> policyNames) {
        delegate.setListenerPolicies(loadBalancer, port, policyNames);
    }

    @Override
    public void setListenerCertificate(String loadBalancer, int port, String certificateId) {
        delegate.setListenerCertificate(loadBalancer, port, certificateId);
    }

    @Override
    public void configureHealthCheck(String loadBalancer, HealthCheck healthCheck) {
        delegate.configureHealthCheck(loadBalancer, healthCheck);
    }

    @Override
    public void modifyAttributes(String loadBalancer, Attributes attributes) {
        delegate.modifyAttributes(loadBalancer, attributes);
    }

    @Override
    public void addTags(String loadBalancer, Map<String, String> tags) {
        delegate.addTags(loadBalancer, tags);
    }

    @Override
    public void removeTags(String loadBalancer, Collection<String> keys) {
        delegate.removeTags(loadBalancer, keys);
    }

    @Override
    public void applySecurityGroups(String loadBalancer, List<String> securityGroups) {
        delegate.applySecurityGroups(loadBalancer, securityGroups);
    }

    @Override
    public void attachSubnets(String loadBalancer, List<String> subnets) {
        delegate.attachSubnets(loadBalancer, subnets);
    }

    @Override
    public void detachSubnets(String loadBalancer, List<String> subnets) {
        delegate.detachSubnets(loadBalancer, subnets);
    }

    @Override
    public void enableAvailabilityZones(String loadBalancer, List<String> zones) {
        delegate.enableAvailabilityZones(loadBalancer, zones);
    }

    @Override
    public void disableAvailabilityZones(String loadBalancer, List<String> zones) {
        delegate.disableAvailabilityZones(loadBalancer, zones);
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
