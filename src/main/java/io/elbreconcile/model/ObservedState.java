package io.elbreconcile.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the target reports, by load balancer name. Load balancers that were not read are absent.
 *
 * @param awsSslPolicies for each load balancer whose policies were described, what its policies
 *                       under AWS's names ({@link SecurityPolicies#isAwsName}) are described as:
 *                       kept apart from its typed policies, since they are AWS's and never managed,
 *                       but an allow list judges what they enable, not only their names
 */
public record ObservedState(SortedMap<String, ObservedLoadBalancer> loadBalancers,
                            SortedMap<String, SortedMap<String, SslNegotiationPolicy>> awsSslPolicies) {

    public ObservedState {
        loadBalancers = Collections.unmodifiableSortedMap(new TreeMap<>(loadBalancers));
        SortedMap<String, SortedMap<String, SslNegotiationPolicy>> copy = new TreeMap<>();
        awsSslPolicies.forEach((lb, policies) -> copy.put(lb, Collections.unmodifiableSortedMap(new TreeMap<>(policies))));
        awsSslPolicies = Collections.unmodifiableSortedMap(copy);
    }

    public ObservedState(SortedMap<String, ObservedLoadBalancer> loadBalancers) {
        this(loadBalancers, new TreeMap<>());
    }

    public static ObservedState empty() {
        return new ObservedState(new TreeMap<>());
    }

    public static ObservedState of(Map<String, ObservedLoadBalancer> byName) {
        return new ObservedState(new TreeMap<>(byName));
    }

    public Optional<ObservedLoadBalancer> loadBalancer(String name) {
        return Optional.ofNullable(loadBalancers.get(name));
    }

    /** Whether this load balancer's policies were described, so that its AWS-named ones are known. */
    public boolean awsSslPoliciesDescribed(String loadBalancer) {
        return awsSslPolicies.containsKey(loadBalancer);
    }

    /** How the load balancer's policy of an AWS name is described, when its policies were. */
    public Optional<SslNegotiationPolicy> awsSslPolicy(String loadBalancer, String policyName) {
        return Optional.ofNullable(awsSslPolicies.getOrDefault(loadBalancer, Collections.emptySortedMap()).get(policyName));
    }

    /**
     * This state, knowing what the load balancers' policies were described as: of each answer, the
     * SSL negotiation policies under AWS's names (the others are typed on the load balancer).
     */
    public ObservedState withAwsSslPoliciesFrom(Map<String, List<ManagedPolicy>> describedByLoadBalancer) {
        SortedMap<String, SortedMap<String, SslNegotiationPolicy>> all = new TreeMap<>(awsSslPolicies);
        describedByLoadBalancer.forEach((lb, described) -> {
            SortedMap<String, SslNegotiationPolicy> aws = new TreeMap<>();
            for (ManagedPolicy policy : described) {
                if (policy instanceof SslNegotiationPolicy ssl && SecurityPolicies.isAwsName(ssl.name())) {
                    aws.put(ssl.name(), ssl);
                }
            }
            all.put(lb, aws);
        });
        return new ObservedState(loadBalancers, all);
    }
}
