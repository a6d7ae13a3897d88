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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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

    private <T> T write(Supplier<T> call) {
        alive();
        T result = call.get();
        if (mutating.incrementAndGet() >= crashAfter) {
            throw new SimulatedCrash("simulated crash right after mutating call " + crashAfter);
        }
        return result;
    }

    private void write(Runnable call) {
        write(() -> {
            call.run();
            return null;
        });
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
    public String createLoadBalancer(String name, Scheme scheme, List<String> availabilityZones, List<String> subnets,
                                     List<String> securityGroups, List<Listener> listeners, Map<String, String> tags) {
        return write(() -> delegate.createLoadBalancer(name, scheme, availabilityZones, subnets, securityGroups, listeners, tags));
    }

    @Override
    public void deleteLoadBalancer(String name) {
        write(() -> delegate.deleteLoadBalancer(name));
    }

    @Override
    public void createListeners(String loadBalancer, List<Listener> listeners) {
        write(() -> delegate.createListeners(loadBalancer, listeners));
    }

    @Override
    public void deleteListeners(String loadBalancer, List<Integer> ports) {
        write(() -> delegate.deleteListeners(loadBalancer, ports));
    }

    @Override
    public void createLbCookiePolicy(String loadBalancer, String policyName, long cookieExpirationPeriod) {
        write(() -> delegate.createLbCookiePolicy(loadBalancer, policyName, cookieExpirationPeriod));
    }

    @Override
    public void createAppCookiePolicy(String loadBalancer, String policyName, String cookieName) {
        write(() -> delegate.createAppCookiePolicy(loadBalancer, policyName, cookieName));
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        alive();
        return delegate.describePolicies(loadBalancer);
    }

    @Override
    public void createPolicy(String loadBalancer, String policyName, String policyTypeName, List<PolicyAttribute> attributes) {
        write(() -> delegate.createPolicy(loadBalancer, policyName, policyTypeName, attributes));
    }

    @Override
    public void deletePolicy(String loadBalancer, String policyName) {
        write(() -> delegate.deletePolicy(loadBalancer, policyName));
    }

    @Override
    public void setListenerPolicies(String loadBalancer, int port, List<String> policyNames) {
        write(() -> delegate.setListenerPolicies(loadBalancer, port, policyNames));
    }

    @Override
    public void setListenerCertificate(String loadBalancer, int port, String certificateId) {
        write(() -> delegate.setListenerCertificate(loadBalancer, port, certificateId));
    }

    @Override
    public void configureHealthCheck(String loadBalancer, HealthCheck healthCheck) {
        write(() -> delegate.configureHealthCheck(loadBalancer, healthCheck));
    }

    @Override
    public void modifyAttributes(String loadBalancer, Attributes attributes) {
        write(() -> delegate.modifyAttributes(loadBalancer, attributes));
    }

    @Override
    public void addTags(String loadBalancer, Map<String, String> tags) {
        write(() -> delegate.addTags(loadBalancer, tags));
    }

    @Override
    public void removeTags(String loadBalancer, Collection<String> keys) {
        write(() -> delegate.removeTags(loadBalancer, keys));
    }

    @Override
    public void applySecurityGroups(String loadBalancer, List<String> securityGroups) {
        write(() -> delegate.applySecurityGroups(loadBalancer, securityGroups));
    }

    @Override
    public void attachSubnets(String loadBalancer, List<String> subnets) {
        write(() -> delegate.attachSubnets(loadBalancer, subnets));
    }

    @Override
    public void detachSubnets(String loadBalancer, List<String> subnets) {
        write(() -> delegate.detachSubnets(loadBalancer, subnets));
    }

    @Override
    public void enableAvailabilityZones(String loadBalancer, List<String> zones) {
        write(() -> delegate.enableAvailabilityZones(loadBalancer, zones));
    }

    @Override
    public void disableAvailabilityZones(String loadBalancer, List<String> zones) {
        write(() -> delegate.disableAvailabilityZones(loadBalancer, zones));
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
