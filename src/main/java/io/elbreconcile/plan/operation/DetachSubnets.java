package io.elbreconcile.plan.operation;

import java.util.List;

/** Removes subnets from a VPC load balancer. */
public record DetachSubnets(String loadBalancer, List<String> subnets) implements Operation {

    public DetachSubnets {
        subnets = List.copyOf(subnets);
    }

    @Override
    public String describe() {
        return "Detach " + loadBalancer + " from subnets " + subnets;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
