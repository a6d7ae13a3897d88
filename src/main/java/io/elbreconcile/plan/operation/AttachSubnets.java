package io.elbreconcile.plan.operation;

import java.util.List;

/** Adds subnets to a VPC load balancer. */
public record AttachSubnets(String loadBalancer, List<String> subnets) implements Operation {

    public AttachSubnets {
        subnets = List.copyOf(subnets);
    }

    @Override
    public String describe() {
        return "Attach " + loadBalancer + " to subnets " + subnets;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
