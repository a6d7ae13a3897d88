package io.elbreconcile.emulator.engine;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** All load balancers of the emulated account and region, by name, sorted so pages are stable. */
public record World(SortedMap<String, LoadBalancerState> loadBalancers) {

    public World {
        loadBalancers = Collections.unmodifiableSortedMap(new TreeMap<>(loadBalancers));
    }

    public static World empty() {
        return new World(new TreeMap<>());
    }

    public Optional<LoadBalancerState> find(String name) {
        return Optional.ofNullable(loadBalancers.get(name));
    }

    /** The named load balancer, or {@code LoadBalancerNotFound}. */
    public LoadBalancerState require(String name) {
        LoadBalancerState found = loadBalancers.get(name);
        if (found == null) {
            throw EngineError.LOAD_BALANCER_NOT_FOUND.exception(name);
        }
        return found;
    }

    public World with(LoadBalancerState loadBalancer) {
        TreeMap<String, LoadBalancerState> next = new TreeMap<>(loadBalancers);
        next.put(loadBalancer.name(), loadBalancer);
        return new World(next);
    }

    public World without(String name) {
        TreeMap<String, LoadBalancerState> next = new TreeMap<>(loadBalancers);
        next.remove(name);
        return new World(next);
    }
}
