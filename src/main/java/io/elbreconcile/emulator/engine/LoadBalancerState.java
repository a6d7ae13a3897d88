package io.elbreconcile.emulator.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Classic Load Balancer. Listeners and back-end servers are kept sorted by port; policies and
 * tags keep their creation order (AWS reports policies in that order). {@code vpcId} is null for a
 * load balancer created with Availability Zones only.
 */
public record LoadBalancerState(String name, String dnsName, long createdTimeMillis, String scheme,
                                List<ListenerState> listeners, List<PolicyState> policies,
                                List<BackendServerState> backendServers, List<String> availabilityZones,
                                List<String> subnets, String vpcId, List<String> securityGroups,
                                List<String> instances, HealthCheckState healthCheck, AttributesState attributes,
                                List<Tag> tags) {

    public LoadBalancerState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dnsName, "dnsName");
        Objects.requireNonNull(scheme, "scheme");
        listeners = listeners.stream().sorted(Comparator.comparingInt(ListenerState::loadBalancerPort)).toList();
        policies = List.copyOf(policies);
        backendServers = backendServers.stream().filter(b -> !b.policyNames().isEmpty())
                .sorted(Comparator.comparingInt(BackendServerState::instancePort)).toList();
        availabilityZones = availabilityZones.stream().sorted().distinct().toList();
        subnets = subnets.stream().sorted().distinct().toList();
        securityGroups = List.copyOf(securityGroups);
        instances = List.copyOf(instances);
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(attributes, "attributes");
        tags = List.copyOf(tags);
    }

    public boolean inVpc() {
        return vpcId != null;
    }

    public Optional<ListenerState> listener(int port) {
        return listeners.stream().filter(l -> l.loadBalancerPort() == port).findFirst();
    }

    public Optional<PolicyState> policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    public PolicyState requirePolicy(String policyName) {
        return policy(policyName).orElseThrow(() -> EngineError.POLICY_NOT_FOUND.exception(policyName, name));
    }

    public LoadBalancerState withListeners(List<ListenerState> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, next, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags);
    }

    public LoadBalancerState withPolicies(List<PolicyState> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, next, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags);
    }

    public LoadBalancerState withBackendServers(List<BackendServerState> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, next,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags);
    }

    public LoadBalancerState withAvailabilityZones(List<String> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                next, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags);
    }

    /** New subnets, and the zones they are in: a VPC load balancer's zones follow its subnets. */
    public LoadBalancerState withSubnets(List<String> next) {
        // Zones are named region + letter; the region is the one the load balancer was made in.
        String region = availabilityZones.get(0).substring(0, availabilityZones.get(0).length() - 1);
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                LoadBalancerActions.zonesOf(next, region), next, vpcId, securityGroups, instances, healthCheck, attributes, tags);
    }

    public LoadBalancerState withSecurityGroups(List<String> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, next, instances, healthCheck, attributes, tags);
    }

    public LoadBalancerState withInstances(List<String> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, next, healthCheck, attributes, tags);
    }

    public LoadBalancerState withHealthCheck(HealthCheckState next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, next, attributes, tags);
    }

    public LoadBalancerState withAttributes(AttributesState next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, next, tags);
    }

    public LoadBalancerState withTags(List<Tag> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, next);
    }
}
