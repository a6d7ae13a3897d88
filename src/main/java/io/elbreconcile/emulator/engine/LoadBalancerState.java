package io.elbreconcile.emulator.engine;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One Classic Load Balancer. Listeners and back-end servers are kept sorted by port; policies and
 * tags keep their creation order (AWS reports policies in that order). {@code vpcId} is null only
 * for a load balancer of an older state file made with Availability Zones only (EC2-Classic style);
 * new ones live in the region's {@link DefaultVpc}. {@code registrations} holds when each instance
 * was registered, for its health; an instance missing there (older state files) counts as long
 * registered.
 */
public record LoadBalancerState(String name, String dnsName, long createdTimeMillis, String scheme,
                                List<ListenerState> listeners, List<PolicyState> policies,
                                List<BackendServerState> backendServers, List<String> availabilityZones,
                                List<String> subnets, String vpcId, List<String> securityGroups,
                                List<String> instances, HealthCheckState healthCheck, AttributesState attributes,
                                List<Tag> tags, SortedMap<String, Long> registrations) {

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
        TreeMap<String, Long> kept = registrations == null ? new TreeMap<>() : new TreeMap<>(registrations);
        kept.keySet().retainAll(instances);
        registrations = Collections.unmodifiableSortedMap(kept);
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
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags, registrations);
    }

    public LoadBalancerState withPolicies(List<PolicyState> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, next, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags, registrations);
    }

    public LoadBalancerState withBackendServers(List<BackendServerState> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, next,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags, registrations);
    }

    public LoadBalancerState withAvailabilityZones(List<String> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                next, subnets, vpcId, securityGroups, instances, healthCheck, attributes, tags, registrations);
    }

    /** New subnets, and the zones they are in: a VPC load balancer's zones follow its subnets. */
    public LoadBalancerState withSubnets(List<String> next, List<String> zones) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                zones, next, vpcId, securityGroups, instances, healthCheck, attributes, tags, registrations);
    }

    public LoadBalancerState withSecurityGroups(List<String> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, next, instances, healthCheck, attributes, tags, registrations);
    }

    /** The registered instances and when each was registered; {@code nextRegistrations} may hold more ids than kept. */
    public LoadBalancerState withInstances(List<String> next, SortedMap<String, Long> nextRegistrations) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, next, healthCheck, attributes, tags, nextRegistrations);
    }

    /** The same placement in another VPC, with its subnets, zones and security groups (older state files). */
    public LoadBalancerState withPlacement(String nextVpcId, List<String> nextSubnets, List<String> nextGroups) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, nextSubnets, nextVpcId, nextGroups, instances, healthCheck, attributes, tags, registrations);
    }

    public LoadBalancerState withHealthCheck(HealthCheckState next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, next, attributes, tags, registrations);
    }

    public LoadBalancerState withAttributes(AttributesState next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, next, tags, registrations);
    }

    public LoadBalancerState withTags(List<Tag> next) {
        return new LoadBalancerState(name, dnsName, createdTimeMillis, scheme, listeners, policies, backendServers,
                availabilityZones, subnets, vpcId, securityGroups, instances, healthCheck, attributes, next, registrations);
    }
}
