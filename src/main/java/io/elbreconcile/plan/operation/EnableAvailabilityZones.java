package io.elbreconcile.plan.operation;

import java.util.List;

/** Adds availability zones to a load balancer outside a VPC. */
public record EnableAvailabilityZones(String loadBalancer, List<String> zones) implements Operation {

    public EnableAvailabilityZones {
        zones = List.copyOf(zones);
    }

    @Override
    public String describe() {
        return "Enable availability zones " + zones + " for " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
