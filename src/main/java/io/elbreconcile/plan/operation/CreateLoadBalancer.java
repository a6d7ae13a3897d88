package io.elbreconcile.plan.operation;

import io.elbreconcile.model.Listener;
import io.elbreconcile.model.Scheme;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Creates a load balancer with its listeners and tags (tags at birth: ownership is never missing). */
public record CreateLoadBalancer(
        String loadBalancer,
        Scheme scheme,
        List<String> availabilityZones,
        List<String> subnets,
        List<String> securityGroups,
        List<Listener> listeners,
        SortedMap<String, String> tags) implements Operation {

    public CreateLoadBalancer {
        availabilityZones = List.copyOf(availabilityZones);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        // Policy lists are set afterwards by their own steps, once the policies exist.
        listeners = listeners.stream().map(l -> l.withPolicyNames(List.of())).toList();
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    @Override
    public String describe() {
        return "Create load balancer " + loadBalancer + " (" + scheme.wire() + ", " + listeners.size() + (listeners.size() == 1 ? " listener" : " listeners") + ")";
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
