package io.elbreconcile.plan.operation;

import java.util.List;

/** Removes availability zones from a load balancer outside a VPC. */
public record DisableAvailabilityZones(String loadBalancer, List<String> zones) implements Operation {

    public DisableAvailabilityZones {
        zones = List.copyOf(zones);
    }

    @Override
    public String describe() {
        return "Disable availability zones " + zones + " for " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
