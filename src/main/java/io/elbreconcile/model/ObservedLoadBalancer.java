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
 * @param policies the policies of kinds this product manages: both cookie kinds from the description's
 *                 {@code Policies} member, the others from DescribeLoadBalancerPolicies
 * @param otherPolicies names of the other policies: types not managed here, and AWS's own predefined
 *                      SSL policies (see {@link SecurityPolicies#isAwsName}); never touched
 * @param attributes null when not read (attributes are read only for load balancers that declare them)
 * @param backendServers the instance ports with policies enabled (BackendServerDescriptions), by port
 */
public record ObservedLoadBalancer(
        String name,
        String dnsName,
        Scheme scheme,
        List<String> availabilityZones,
        List<String> subnets,
        List<String> securityGroups,
        List<Listener> listeners,
        List<ManagedPolicy> policies,
        List<String> otherPolicies,
        HealthCheck healthCheck,
        SortedMap<String, String> tags,
        Attributes attributes,
        List<BackendServer> backendServers) {

    public ObservedLoadBalancer {
        Objects.requireNonNull(name, "name");
        availabilityZones = DesiredLoadBalancer.sortedCopy(availabilityZones);
        subnets = DesiredLoadBalancer.sortedCopy(subnets);
        securityGroups = DesiredLoadBalancer.sortedCopy(securityGroups);
        List<Listener> byPort = new ArrayList<>(listeners);
        byPort.sort(Comparator.comparingInt(Listener::loadBalancerPort));
        listeners = List.copyOf(byPort);
        List<ManagedPolicy> byName = new ArrayList<>(policies);
        byName.sort(Comparator.comparing(ManagedPolicy::name));
        policies = List.copyOf(byName);
        otherPolicies = DesiredLoadBalancer.sortedCopy(otherPolicies);
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        // A port AWS lists with no policy left is the same as a port it does not list.
        backendServers = DesiredLoadBalancer.byInstancePort(backendServers.stream()
                .filter(b -> !b.policyNames().isEmpty()).toList());
    }

    /** A load balancer with no back-end server policies. */
    public ObservedLoadBalancer(String name, String dnsName, Scheme scheme, List<String> availabilityZones,
                                List<String> subnets, List<String> securityGroups, List<Listener> listeners,
                                List<ManagedPolicy> policies, List<String> otherPolicies, HealthCheck healthCheck,
                                SortedMap<String, String> tags, Attributes attributes) {
        this(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners, policies, otherPolicies,
                healthCheck, tags, attributes, List.of());
    }

    /** The policies enabled on one instance port; empty when it has none. */
    public List<String> backendPolicies(int instancePort) {
        return backendServers.stream().filter(b -> b.instancePort() == instancePort).findFirst()
                .map(BackendServer::policyNames).orElse(List.of());
    }

    public ObservedLoadBalancer withBackendServers(List<BackendServer> servers) {
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                policies, otherPolicies, healthCheck, tags, attributes, servers);
    }

    /** Whether this load balancer's live tags protect it ({@link ReservedTags#isProtected}). */
    public boolean isProtected() {
        return ReservedTags.isProtected(tags);
    }

    public Optional<Listener> listener(int port) {
        return listeners.stream().filter(l -> l.loadBalancerPort() == port).findFirst();
    }

    public Optional<ManagedPolicy> policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst();
    }

    /** Every policy name on this load balancer, cookie or not; names are unique across types. */
    public List<String> allPolicyNames() {
        List<String> all = new ArrayList<>(otherPolicies);
        policies.forEach(p -> all.add(p.name()));
        all.sort(null);
        return List.copyOf(all);
    }

    /**
     * Names from {@code otherPolicies} whose kind this product manages, read with
     * DescribeLoadBalancerPolicies, become typed policies; the rest, and AWS's own predefined
     * policies, stay names.
     */
    public ObservedLoadBalancer withDescribedPolicies(List<ManagedPolicy> described) {
        List<ManagedPolicy> all = new ArrayList<>(policies);
        List<String> others = new ArrayList<>(otherPolicies);
        for (ManagedPolicy policy : described) {
            if (!SecurityPolicies.isAwsName(policy.name()) && others.remove(policy.name())) {
                all.add(policy);
            }
        }
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                all, others, healthCheck, tags, attributes, backendServers);
    }

    /**
     * What DescribeLoadBalancers alone tells: cookie policies typed, every other policy a name.
     * Fingerprints use this form, so a re-read by name (no DescribeLoadBalancerPolicies) compares
     * equal when nothing changed.
     */
    public ObservedLoadBalancer asDescribed() {
        List<ManagedPolicy> cookies = policies.stream().filter(p -> p instanceof StickinessPolicy).toList();
        List<String> others = new ArrayList<>(otherPolicies);
        policies.stream().filter(p -> !(p instanceof StickinessPolicy)).forEach(p -> others.add(p.name()));
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                cookies, others, healthCheck, tags, attributes, backendServers);
    }

    /** Other policies that may be of a managed kind: all but AWS's own predefined names. */
    public List<String> otherPoliciesToDescribe() {
        return otherPolicies.stream().filter(n -> !SecurityPolicies.isAwsName(n)).toList();
    }

    public ObservedLoadBalancer withTags(SortedMap<String, String> newTags) {
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                policies, otherPolicies, healthCheck, newTags, attributes, backendServers);
    }

    public ObservedLoadBalancer withAttributes(Attributes newAttributes) {
        return new ObservedLoadBalancer(name, dnsName, scheme, availabilityZones, subnets, securityGroups, listeners,
                policies, otherPolicies, healthCheck, tags, newAttributes, backendServers);
    }
}
