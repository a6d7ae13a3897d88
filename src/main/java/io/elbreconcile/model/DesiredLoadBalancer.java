package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A managed load balancer: one with a {@code LoadBalancer} document. Everything here is
 * reconciled, including its policies (declared in their own documents and gathered here).
 *
 * @param availabilityZones empty when {@code subnets} is used, and the other way round
 * @param healthCheck null when not declared (then left as it is)
 * @param attributes members null when not declared (then left as they are)
 * @param tags authoritative: undeclared keys are removed, except {@code aws:} and {@code elb-reconcile:} ones
 * @param protect never delete or replace this load balancer
 * @param ignoreChanges values set at creation and left to other writers after
 * @param backendServers the policies of each instance port, authoritative for every port when
 *                       declared (a port not listed ends with none); null when not declared: then
 *                       whatever the live load balancer has on its instance ports is kept
 */
public record DesiredLoadBalancer(
        String name,
        Scheme scheme,
        List<String> availabilityZones,
        List<String> subnets,
        List<String> securityGroups,
        List<Listener> listeners,
        HealthCheck healthCheck,
        Attributes attributes,
        SortedMap<String, String> tags,
        boolean protect,
        List<ManagedPolicy> policies,
        IgnoreChanges ignoreChanges,
        List<BackendServer> backendServers) {

    public DesiredLoadBalancer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
        availabilityZones = sortedCopy(availabilityZones);
        subnets = sortedCopy(subnets);
        securityGroups = sortedCopy(securityGroups);
        List<Listener> byPort = new ArrayList<>(listeners);
        byPort.sort(Comparator.comparingInt(Listener::loadBalancerPort));
        listeners = List.copyOf(byPort);
        attributes = attributes == null ? Attributes.undeclared() : attributes;
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        List<ManagedPolicy> byName = new ArrayList<>(policies);
        byName.sort(Comparator.comparing(ManagedPolicy::name));
        policies = List.copyOf(byName);
        ignoreChanges = ignoreChanges == null ? IgnoreChanges.none() : ignoreChanges;
        backendServers = backendServers == null ? null : byInstancePort(backendServers);
    }

    /** A load balancer that does not declare its back-end servers (their live policies are kept). */
    public DesiredLoadBalancer(String name, Scheme scheme, List<String> availabilityZones, List<String> subnets,
                               List<String> securityGroups, List<Listener> listeners, HealthCheck healthCheck,
                               Attributes attributes, SortedMap<String, String> tags, boolean protect,
                               List<ManagedPolicy> policies, IgnoreChanges ignoreChanges) {
        this(name, scheme, availabilityZones, subnets, securityGroups, listeners, healthCheck, attributes, tags, protect,
                policies, ignoreChanges, null);
    }

    static List<BackendServer> byInstancePort(List<BackendServer> servers) {
        List<BackendServer> sorted = new ArrayList<>(servers);
        sorted.sort(Comparator.comparingInt(BackendServer::instancePort));
        return List.copyOf(sorted);
    }

    /** Whether {@code backendServers} is declared (then authoritative). */
    public boolean declaresBackendServers() {
        return backendServers != null;
    }

    public DesiredLoadBalancer withBackendServers(List<BackendServer> servers) {
        return new DesiredLoadBalancer(name, scheme, availabilityZones, subnets, securityGroups, listeners,
                healthCheck, attributes, tags, protect, policies, ignoreChanges, servers);
    }

    /** A load balancer that leaves nothing to other writers. */
    public DesiredLoadBalancer(String name, Scheme scheme, List<String> availabilityZones, List<String> subnets,
                               List<String> securityGroups, List<Listener> listeners, HealthCheck healthCheck,
                               Attributes attributes, SortedMap<String, String> tags, boolean protect,
                               List<ManagedPolicy> policies) {
        this(name, scheme, availabilityZones, subnets, securityGroups, listeners, healthCheck, attributes, tags, protect,
                policies, IgnoreChanges.none());
    }

    static List<String> sortedCopy(List<String> values) {
        return values.stream().sorted().toList();
    }

    public Optional<Listener> listener(int port) {
        return listeners.stream().filter(l -> l.loadBalancerPort() == port).findFirst();
    }

    public Optional<ManagedPolicy> policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    public DesiredLoadBalancer withTags(Map<String, String> newTags) {
        return new DesiredLoadBalancer(name, scheme, availabilityZones, subnets, securityGroups, listeners,
                healthCheck, attributes, new TreeMap<>(newTags), protect, policies, ignoreChanges, backendServers);
    }

    public DesiredLoadBalancer withPolicies(List<ManagedPolicy> newPolicies) {
        return new DesiredLoadBalancer(name, scheme, availabilityZones, subnets, securityGroups, listeners,
                healthCheck, attributes, tags, protect, newPolicies, ignoreChanges, backendServers);
    }

    /** The same load balancer with other values for what {@code ignoreChanges} and ignored tags may touch. */
    public DesiredLoadBalancer withOwnedElsewhere(List<String> newSecurityGroups, List<Listener> newListeners,
                                                  HealthCheck newHealthCheck, Attributes newAttributes,
                                                  Map<String, String> newTags) {
        return new DesiredLoadBalancer(name, scheme, availabilityZones, subnets, newSecurityGroups, newListeners,
                newHealthCheck, newAttributes, new TreeMap<>(newTags), protect, policies, ignoreChanges, backendServers);
    }
}
