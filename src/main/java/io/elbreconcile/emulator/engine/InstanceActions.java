package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Register, deregister and describe the health of instances. The emulator runs no health checks:
 * every registered instance is {@code InService}.
 */
public final class InstanceActions {

    private static final Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");

    /** One row of DescribeInstanceHealth. */
    public record InstanceHealth(String instanceId, String state, String reasonCode, String description) {
    }

    private InstanceActions() {
    }

    /** Returns the full list of registered instances (reference 5). */
    public static Transition<List<String>> register(World world, String loadBalancer, List<String> instanceIds) {
        LoadBalancerState lb = world.require(loadBalancer);
        instanceIds.forEach(InstanceActions::checkId);
        LinkedHashSet<String> all = new LinkedHashSet<>(lb.instances());
        all.addAll(instanceIds);
        if (all.size() > Limits.REGISTERED_INSTANCES) {
            throw EngineError.VALIDATION.exception("Exceeded quota of " + Limits.REGISTERED_INSTANCES
                    + " registered instances for load balancer " + loadBalancer);
        }
        List<String> next = List.copyOf(all);
        return new Transition<>(world.with(lb.withInstances(next)), next);
    }

    /** Returns the instances that remain; deregistering an unregistered instance is a no-op. */
    public static Transition<List<String>> deregister(World world, String loadBalancer, List<String> instanceIds) {
        LoadBalancerState lb = world.require(loadBalancer);
        instanceIds.forEach(InstanceActions::checkId);
        Set<String> gone = new HashSet<>(instanceIds);
        List<String> next = lb.instances().stream().filter(i -> !gone.contains(i)).toList();
        return new Transition<>(world.with(lb.withInstances(next)), next);
    }

    /**
     * All registered instances, or the named ones. A named instance that is not registered is
     * {@code InvalidInstance}, which the InstanceDeregistered waiter takes as success (reference 6.8).
     */
    public static List<InstanceHealth> health(World world, String loadBalancer, List<String> instanceIds) {
        LoadBalancerState lb = world.require(loadBalancer);
        List<String> wanted = instanceIds.isEmpty() ? lb.instances() : instanceIds;
        List<InstanceHealth> out = new ArrayList<>();
        for (String id : wanted) {
            if (!lb.instances().contains(id)) {
                throw EngineError.INSTANCE_NOT_REGISTERED.exception(id, loadBalancer);
            }
            out.add(new InstanceHealth(id, "InService", "N/A", "N/A"));
        }
        return out;
    }

    private static void checkId(String id) {
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw EngineError.INVALID_INSTANCE.exception(id);
        }
    }
}
