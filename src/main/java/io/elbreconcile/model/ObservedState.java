package io.elbreconcile.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the target reports, by load balancer name. Load balancers that were not read are absent. */
public record ObservedState(SortedMap<String, ObservedLoadBalancer> loadBalancers) {

    public ObservedState {
        loadBalancers = Collections.unmodifiableSortedMap(new TreeMap<>(loadBalancers));
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
}
