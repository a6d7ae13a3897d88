package io.elbreconcile.plan.operation;

/** Deletes a load balancer; only planned with --allow-delete and never for a protected one. */
public record DeleteLoadBalancer(String loadBalancer) implements Operation {

    @Override
    public String describe() {
        return "Delete load balancer " + loadBalancer + " and everything on it";
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
