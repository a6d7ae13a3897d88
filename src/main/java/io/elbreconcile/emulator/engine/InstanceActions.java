package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Register, deregister and describe the health of instances. The emulator runs no health checks;
 * health follows the clock instead: a registered instance is {@code OutOfService} until the health
 * check would have passed healthyThreshold times (healthyThreshold × interval seconds, scaled by
 * {@code healthTimeScale}), then {@code InService}. Time is an input, so no thread ticks.
 */
public final class InstanceActions {

    private static final Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");

    /** One row of DescribeInstanceHealth. */
    public record InstanceHealth(String instanceId, String state, String reasonCode, String description) {
    }

    private InstanceActions() {
    }

    /** AWS's reason while an instance waits for its first healthy checks. */
    public static final String REGISTERING = "Instance registration is still in progress.";

    /**
     * Returns the full list of registered instances (reference 5). An instance registered again
     * keeps its first registration time.
     */
    public static Transition<List<String>> register(World world, String loadBalancer, List<String> instanceIds,
                                                    Quotas quotas, long nowMillis) {
        LoadBalancerState lb = world.require(loadBalancer);
        instanceIds.forEach(InstanceActions::checkId);
        LinkedHashSet<String> all = new LinkedHashSet<>(lb.instances());
        all.addAll(instanceIds);
        if (all.size() > quotas.registeredInstances()) {
            throw EngineError.VALIDATION.exception("Exceeded quota of " + quotas.registeredInstances()
                    + " registered instances for load balancer " + loadBalancer);
        }
        TreeMap<String, Long> registrations = new TreeMap<>(lb.registrations());
        instanceIds.stream().filter(id -> !lb.instances().contains(id)).forEach(id -> registrations.put(id, nowMillis));
        List<String> next = List.copyOf(all);
        return new Transition<>(world.with(lb.withInstances(next, registrations)), next);
    }

    /** Returns the instances that remain; deregistering an unregistered instance is a no-op. */
    public static Transition<List<String>> deregister(World world, String loadBalancer, List<String> instanceIds) {
        LoadBalancerState lb = world.require(loadBalancer);
        instanceIds.forEach(InstanceActions::checkId);
        Set<String> gone = new HashSet<>(instanceIds);
        List<String> next = lb.instances().stream().filter(i -> !gone.contains(i)).toList();
        return new Transition<>(world.with(lb.withInstances(next, lb.registrations())), next);
    }

    /**
     * All registered instances, or the named ones. A named instance that is not registered is
     * {@code InvalidInstance}, which the InstanceDeregistered waiter takes as success (reference 6.8).
     */
    public static List<InstanceHealth> health(World world, String loadBalancer, List<String> instanceIds,
                                              long nowMillis, double healthTimeScale) {
        LoadBalancerState lb = world.require(loadBalancer);
        List<String> wanted = instanceIds.isEmpty() ? lb.instances() : instanceIds;
        List<InstanceHealth> out = new ArrayList<>();
        for (String id : wanted) {
            if (!lb.instances().contains(id)) {
                throw EngineError.INSTANCE_NOT_REGISTERED.exception(id, loadBalancer);
            }
            Long registered = lb.registrations().get(id);
            HealthCheckState check = lb.healthCheck();
            double healthyAfterMillis = check.healthyThreshold() * (double) check.interval() * 1000.0 * healthTimeScale;
            if (registered != null && nowMillis - registered < healthyAfterMillis) {
                out.add(new InstanceHealth(id, "OutOfService", "ELB", REGISTERING));
            } else {
                out.add(new InstanceHealth(id, "InService", "N/A", "N/A"));
            }
        }
        return out;
    }

    private static void checkId(String id) {
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw EngineError.INVALID_INSTANCE.exception(id);
        }
    }
}
