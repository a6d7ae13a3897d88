package io.elbreconcile.emulator.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The adjustable quotas, by the names DescribeAccountLimits reports. The defaults are AWS's
 * (reference 6.6; Classic Load Balancer user guide, elb-limits: 20 load balancers per region, 100
 * listeners per load balancer, 1,000 registered instances per load balancer); {@code emulator
 * serve --quota NAME=N} raises them, for fleets larger than AWS's default allows.
 */
public record Quotas(SortedMap<String, Integer> values) {

    public static final String LOAD_BALANCERS = "classic-load-balancers";
    public static final String LISTENERS = "classic-listeners";
    public static final String REGISTERED_INSTANCES = "classic-registered-instances";

    public static final Quotas AWS_DEFAULTS = new Quotas(Map.of(LOAD_BALANCERS, 20, LISTENERS, 100,
            REGISTERED_INSTANCES, 1_000));

    public Quotas(Map<String, Integer> values) {
        this(new TreeMap<>(values));
    }

    public Quotas {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
        if (!values.keySet().equals(java.util.Set.of(LOAD_BALANCERS, LISTENERS, REGISTERED_INSTANCES))) {
            throw new IllegalArgumentException("quotas must name exactly " + LISTENERS + ", " + LOAD_BALANCERS
                    + " and " + REGISTERED_INSTANCES + ", got " + values.keySet());
        }
        values.forEach((name, value) -> {
            if (value == null || value < 1) {
                throw new IllegalArgumentException("quota " + name + " must be at least 1, got " + value);
            }
        });
    }

    /** The same quotas with one changed; an unknown name is an IllegalArgumentException naming the known ones. */
    public Quotas with(String name, int value) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("unknown quota " + name + "; known: " + String.join(", ", values.keySet()));
        }
        Map<String, Integer> next = new LinkedHashMap<>(values);
        next.put(name, value);
        return new Quotas(next);
    }

    public int loadBalancers() {
        return values.get(LOAD_BALANCERS);
    }

    public int listeners() {
        return values.get(LISTENERS);
    }

    public int registeredInstances() {
        return values.get(REGISTERED_INSTANCES);
    }
}
