package io.elbreconcile.apply;

import io.elbreconcile.aws.CallStats;
import io.elbreconcile.aws.ElbPort;
import io.elbreconcile.aws.ErrorKind;
import io.elbreconcile.aws.LoadBalancerPage;
import io.elbreconcile.aws.PortError;
import io.elbreconcile.model.Attributes;
import io.elbreconcile.model.HealthCheck;
import io.elbreconcile.model.Listener;
import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.ObservedLoadBalancer;
import io.elbreconcile.model.PolicyAttribute;
import io.elbreconcile.model.Scheme;
import io.elbreconcile.model.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/** A port that records every write as "Operation target" and fails the ones it is told to. */
final class RecordingPort implements ElbPort {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, PortError> failures = new ConcurrentHashMap<>();
    private final Map<String, ObservedLoadBalancer> described = new ConcurrentHashMap<>();

    RecordingPort failing(String call, ErrorKind kind, String code, String message) {
        failures.put(call, new PortError(kind, code, message, kind == ErrorKind.INVALID_CONFIGURATION ? 409 : 400,
                "req-1", call.split(" ")[0], null));
        return this;
    }

    RecordingPort describing(ObservedLoadBalancer lb) {
        described.put(lb.name(), lb);
        return this;
    }

    private void call(String operation, String target) {
        String call = operation + " " + target;
        calls.add(call);
        PortError failure = failures.get(call);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Target target() {
        return new Target("test", "us-east-1", null);
    }

    @Override
    public LoadBalancerPage describeLoadBalancers(String marker, int pageSize) {
        return new LoadBalancerPage(new ArrayList<>(described.values()), null);
    }

    @Override
    public List<ObservedLoadBalancer> describeLoadBalancers(Collection<String> names) {
        return names.stream().map(described::get).toList();
    }

    @Override
    public Map<String, SortedMap<String, String>> describeTags(Collection<String> names) {
        return Map.of();
    }

    @Override
    public Attributes describeAttributes(String loadBalancer) {
        return Attributes.AWS_DEFAULT;
    }

    @Override
    public String createLoadBalancer(String name, Scheme scheme, List<String> availabilityZones, List<String> subnets,
                                     List<String> securityGroups, List<Listener> listeners, Map<String, String> tags) {
        call("CreateLoadBalancer", name);
        return name + ".elb";
    }

    @Override
    public void deleteLoadBalancer(String name) {
        call("DeleteLoadBalancer", name);
    }

    @Override
    public void createListeners(String loadBalancer, List<Listener> listeners) {
        call("CreateLoadBalancerListeners", loadBalancer + "/" + listeners.get(0).loadBalancerPort());
    }

    @Override
    public void deleteListeners(String loadBalancer, List<Integer> ports) {
        call("DeleteLoadBalancerListeners", loadBalancer + "/" + ports.get(0));
    }

    @Override
    public void createLbCookiePolicy(String loadBalancer, String policyName, long cookieExpirationPeriod) {
        call("CreateLBCookieStickinessPolicy", loadBalancer + "/" + policyName);
    }

    @Override
    public void createAppCookiePolicy(String loadBalancer, String policyName, String cookieName) {
        call("CreateAppCookieStickinessPolicy", loadBalancer + "/" + policyName);
    }

    @Override
    public List<ManagedPolicy> describePolicies(String loadBalancer) {
        return List.of();
    }

    @Override
    public void createPolicy(String loadBalancer, String policyName, String policyTypeName, List<PolicyAttribute> attributes) {
        call("CreateLoadBalancerPolicy", loadBalancer + "/" + policyName);
    }

    @Override
    public void deletePolicy(String loadBalancer, String policyName) {
        call("DeleteLoadBalancerPolicy", loadBalancer + "/" + policyName);
    }

    @Override
    public void setListenerPolicies(String loadBalancer, int port, List<String> policyNames) {
        call("SetLoadBalancerPoliciesOfListener", loadBalancer + "/" + port + "=" + policyNames);
    }

    @Override
    public void setListenerCertificate(String loadBalancer, int port, String certificateId) {
        call("SetLoadBalancerListenerSSLCertificate", loadBalancer + "/" + port);
    }

    @Override
    public void configureHealthCheck(String loadBalancer, HealthCheck healthCheck) {
        call("ConfigureHealthCheck", loadBalancer);
    }

    @Override
    public void modifyAttributes(String loadBalancer, Attributes attributes) {
        call("ModifyLoadBalancerAttributes", loadBalancer);
    }

    @Override
    public void addTags(String loadBalancer, Map<String, String> tags) {
        call("AddTags", loadBalancer);
    }

    @Override
    public void removeTags(String loadBalancer, Collection<String> keys) {
        call("RemoveTags", loadBalancer);
    }

    @Override
    public void applySecurityGroups(String loadBalancer, List<String> securityGroups) {
        call("ApplySecurityGroupsToLoadBalancer", loadBalancer);
    }

    @Override
    public void attachSubnets(String loadBalancer, List<String> subnets) {
        call("AttachLoadBalancerToSubnets", loadBalancer);
    }

    @Override
    public void detachSubnets(String loadBalancer, List<String> subnets) {
        call("DetachLoadBalancerFromSubnets", loadBalancer);
    }

    @Override
    public void enableAvailabilityZones(String loadBalancer, List<String> zones) {
        call("EnableAvailabilityZonesForLoadBalancer", loadBalancer);
    }

    @Override
    public void disableAvailabilityZones(String loadBalancer, List<String> zones) {
        call("DisableAvailabilityZonesForLoadBalancer", loadBalancer);
    }

    @Override
    public CallStats stats() {
        return new CallStats(0, calls.size(), 0);
    }

    @Override
    public void close() {
    }
}
