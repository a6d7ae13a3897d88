package io.elbreconcile.plan.operation;

import io.elbreconcile.model.HealthCheck;

/** Replaces the health check. */
public record ConfigureHealthCheck(String loadBalancer, HealthCheck healthCheck) implements Operation {

    @Override
    public String describe() {
        return "Set the health check of " + loadBalancer + " to " + healthCheck.target() + " every " + healthCheck.interval() + " s (timeout " + healthCheck.timeout() + " s, healthy " + healthCheck.healthyThreshold() + ", unhealthy " + healthCheck.unhealthyThreshold() + ")";
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
