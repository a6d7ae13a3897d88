package io.elbreconcile.plan.operation;

import java.util.List;

/** Replaces the security groups of a VPC load balancer. */
public record ApplySecurityGroups(String loadBalancer, List<String> securityGroups) implements Operation {

    public ApplySecurityGroups {
        securityGroups = List.copyOf(securityGroups);
    }

    @Override
    public String describe() {
        return "Set the security groups of " + loadBalancer + " to " + securityGroups;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
