package io.elbreconcile.emulator.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Availability Zones, subnets and security groups. Each returns the resulting list, as the API
 * does. Zones can be enabled and disabled on a load balancer of the default VPC (each zone is its
 * default subnet) and on one of an older EC2-Classic style state file; a load balancer of any other
 * VPC changes subnets instead.
 */
public final class NetworkActions {

    private NetworkActions() {
    }

    public static Transition<List<String>> enableZones(World world, WorldKey key, String loadBalancer, List<String> zones) {
        DefaultVpc vpc = DefaultVpc.of(key);
        LoadBalancerState lb = zonesAllowed(world.require(loadBalancer), vpc, "EnableAvailabilityZonesForLoadBalancer",
                "AttachLoadBalancerToSubnets");
        zones.forEach(LoadBalancerActions::checkZone);
        List<String> nextZones = union(lb.availabilityZones(), zones);
        LoadBalancerState next = lb.inVpc()
                ? lb.withSubnets(union(lb.subnets(), vpc.subnetsFor(zones)), nextZones)
                : lb.withAvailabilityZones(nextZones);
        return new Transition<>(world.with(next), next.availabilityZones());
    }

    public static Transition<List<String>> disableZones(World world, WorldKey key, String loadBalancer, List<String> zones) {
        DefaultVpc vpc = DefaultVpc.of(key);
        LoadBalancerState lb = zonesAllowed(world.require(loadBalancer), vpc, "DisableAvailabilityZonesForLoadBalancer",
                "DetachLoadBalancerFromSubnets");
        List<String> remaining = minus(lb.availabilityZones(), zones);
        if (remaining.isEmpty()) {
            throw EngineError.LAST_ZONE.exception("Availability Zone");
        }
        Set<String> gone = new HashSet<>(zones);
        LoadBalancerState next = lb.inVpc()
                ? lb.withSubnets(lb.subnets().stream().filter(s -> !gone.contains(vpc.zoneOf(s))).toList(), remaining)
                : lb.withAvailabilityZones(remaining);
        return new Transition<>(world.with(next), next.availabilityZones());
    }

    public static Transition<List<String>> attachSubnets(World world, WorldKey key, String loadBalancer, List<String> subnets) {
        LoadBalancerState lb = inVpc(world.require(loadBalancer), "AttachLoadBalancerToSubnets");
        subnets.forEach(LoadBalancerActions::checkSubnet);
        List<String> next = union(lb.subnets(), subnets);
        LoadBalancerState changed = lb.withSubnets(next, DefaultVpc.of(key).zonesOf(next));
        return new Transition<>(world.with(changed), changed.subnets());
    }

    public static Transition<List<String>> detachSubnets(World world, WorldKey key, String loadBalancer, List<String> subnets) {
        LoadBalancerState lb = inVpc(world.require(loadBalancer), "DetachLoadBalancerFromSubnets");
        List<String> remaining = minus(lb.subnets(), subnets);
        if (remaining.isEmpty()) {
            throw EngineError.LAST_ZONE.exception("subnet");
        }
        LoadBalancerState changed = lb.withSubnets(remaining, DefaultVpc.of(key).zonesOf(remaining));
        return new Transition<>(world.with(changed), changed.subnets());
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

    private static LoadBalancerState zonesAllowed(LoadBalancerState lb, DefaultVpc vpc, String action, String instead) {
        if (lb.inVpc() && !vpc.contains(lb)) {
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
