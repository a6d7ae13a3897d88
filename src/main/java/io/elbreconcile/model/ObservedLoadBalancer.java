package io.elbreconcile.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A load balancer as AWS reports it, normalised (protocols upper case, sets sorted, absent
 * cookie period = 0) so that equal things compare equal.
 *
 * @param cookiePolicies both cookie kinds, from the description's {@code Policies} member
 * @param otherPolicies names of policies of other types (SSL negotiation, proxy protocol...); never touched
 * @param attributes null when not read (attributes are read only for load balancers that declare them)
 */
public record ObservedLoadBalancer(
        String name,
        String dnsName,
        Scheme scheme,
        List<String> availabilityZones,
        List<String> subnets,
        List<String> securityGroups,
        List<Listener> listeners,
        List<StickinessPolicy> cookiePolicies,
        List<String> otherPolicies,
        HealthCheck healthCheck,
        SortedMap<String, String> tags,
        Attributes attributes) {

    public ObservedLoadBalancer {
        Objects.requireNonNull(name, "name");
        availabilityZones = DesiredLoadBalancer.sortedCopy(availabilityZones);
        subnets = DesiredLoadBalancer.sortedCopy(subnets);
        securityGroups = DesiredLoadBalancer.sortedCopy(securityGroups);
        List<Listener> byPort = new ArrayList<>(listeners);
        byPort.sort(Comparator.comparingInt(Listener::loadBalancerPort));
        listeners = List.copyOf(byPort);
        List<StickinessPolicy> byName = new ArrayList<>(cookiePolicies);
        byName.sort(Comparator.comparing(StickinessPolicy::name));
        cookiePolicies = List.copyOf(byName);
        otherPolicies = DesiredLoadBalancer.sortedCopy(otherPolicies);
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** Whether this load balancer's live tags protect it ({@link ReservedTags#isProtected}). */
    public boolean isProtected() {
        return ReservedTags.isProtected(tags);
    }

    public Optional<Listener> listener(int port) {
        return listeners.stream().filter(l -> l.loadBalancerPort() == port).findFirst();
    }

    public Optional<StickinessPolicy> policy(String policyName) {
        return cookiePolicies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    /** Every policy name on this load balancer, cookie or not; names are unique across types. */
    public List<String> allPolicyNames() {
        List<String> all = new ArrayList<>(otherPolicies);
        cookiePolicies.forEach(p -> all.add(p.name()));
        all.sort(null);
        return List.copyOf(all);
    }

    public ObservedLoadBalancer withTags(SortedMap<String, String> newTags) {
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                cookiePolicies, otherPolicies, healthCheck, newTags, attributes);
    }

    public ObservedLoadBalancer withAttributes(Attributes newAttributes) {
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                cookiePolicies, otherPolicies, healthCheck, tags, newAttributes);
    }
}
