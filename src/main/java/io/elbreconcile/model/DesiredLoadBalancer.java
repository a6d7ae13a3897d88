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
 * reconciled, including its cookie policies (declared in their own documents and gathered here).
 *
 * @param availabilityZones empty when {@code subnets} is used, and the other way round
 * @param healthCheck null when not declared (then left as it is)
 * @param attributes members null when not declared (then left as they are)
 * @param tags authoritative: undeclared keys are removed, except {@code aws:} and {@code elb-reconcile:} ones
 * @param protect never delete or replace this load balancer
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
        List<StickinessPolicy> policies) {

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
        List<StickinessPolicy> byName = new ArrayList<>(policies);
        byName.sort(Comparator.comparing(StickinessPolicy::name));
        policies = List.copyOf(byName);
    }

    static List<String> sortedCopy(List<String> values) {
        return values.stream().sorted().toList();
    }

    public Optional<Listener> listener(int port) {
        return listeners.stream().filter(l -> l.loadBalancerPort() == port).findFirst();
    }

    public Optional<StickinessPolicy> policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    public DesiredLoadBalancer withTags(Map<String, String> newTags) {
        return new DesiredLoadBalancer(name, scheme, availabilityZones, subnets, securityGroups, listeners,
                healthCheck, attributes, new TreeMap<>(newTags), protect, policies);
    }
}
