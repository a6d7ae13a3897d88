package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Availability Zones (load balancers without subnets), subnets and security groups (VPC load
 * balancers). Each returns the resulting list, as the API does.
 */
public final class NetworkActions {

    private NetworkActions() {
    }

    public static Transition<List<String>> enableZones(World world, String loadBalancer, List<String> zones) {
        LoadBalancerState lb = notInVpc(world.require(loadBalancer), "EnableAvailabilityZonesForLoadBalancer",
                "AttachLoadBalancerToSubnets");
        zones.forEach(LoadBalancerActions::checkZone);
        LoadBalancerState next = lb.withAvailabilityZones(union(lb.availabilityZones(), zones));
        return new Transition<>(world.with(next), next.availabilityZones());
    }

    public static Transition<List<String>> disableZones(World world, String loadBalancer, List<String> zones) {
        LoadBalancerState lb = notInVpc(world.require(loadBalancer), "DisableAvailabilityZonesForLoadBalancer",
                "DetachLoadBalancerFromSubnets");
        List<String> remaining = minus(lb.availabilityZones(), zones);
        if (remaining.isEmpty()) {
            throw EngineError.LAST_ZONE.exception("Availability Zone");
        }
        LoadBalancerState next = lb.withAvailabilityZones(remaining);
        return new Transition<>(world.with(next), next.availabilityZones());
    }

    public static Transition<List<String>> attachSubnets(World world, String loadBalancer, List<String> subnets) {
        LoadBalancerState lb = inVpc(world.require(loadBalancer), "AttachLoadBalancerToSubnets");
        subnets.forEach(LoadBalancerActions::checkSubnet);
        LoadBalancerState next = lb.withSubnets(union(lb.subnets(), subnets));
        return new Transition<>(world.with(next), next.subnets());
    }

    public static Transition<List<String>> detachSubnets(World world, String loadBalancer, List<String> subnets) {
        LoadBalancerState lb = inVpc(world.require(loadBalancer), "DetachLoadBalancerFromSubnets");
        List<String> remaining = minus(lb.subnets(), subnets);
        if (remaining.isEmpty()) {
            throw EngineError.LAST_ZONE.exception("subnet");
        }
        LoadBalancerState next = lb.withSubnets(remaining);
        return new Transition<>(world.with(next), next.subnets());
    }

    /** Replaces the set of security groups (reference 5). */
    public static Transition<List<String>> applySecurityGroups(World world, String loadBalancer, List<String> groups) {
        LoadBalancerState lb = inVpc(world.require(loadBalancer), "ApplySecurityGroupsToLoadBalancer");
        if (groups.isEmpty()) {
            throw EngineError.MISSING_PARAMETER.exception("SecurityGroups");
        }
        groups.forEach(LoadBalancerActions::checkSecurityGroup);
        LoadBalancerState next = lb.withSecurityGroups(List.copyOf(new java.util.LinkedHashSet<>(groups)));
        return new Transition<>(world.with(next), next.securityGroups());
    }

    private static LoadBalancerState inVpc(LoadBalancerState lb, String action) {
        if (!lb.inVpc()) {
            throw EngineError.VPC_ONLY.exception(action);
        }
        return lb;
    }

    private static LoadBalancerState notInVpc(LoadBalancerState lb, String action, String instead) {
        if (lb.inVpc()) {
            throw EngineError.NOT_FOR_VPC.exception(action, instead);
        }
        return lb;
    }

    private static List<String> union(List<String> have, List<String> added) {
        List<String> out = new ArrayList<>(have);
        added.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }

    private static List<String> minus(List<String> have, List<String> removed) {
        Set<String> gone = new HashSet<>(removed);
        return have.stream().filter(x -> !gone.contains(x)).toList();
    }
}
