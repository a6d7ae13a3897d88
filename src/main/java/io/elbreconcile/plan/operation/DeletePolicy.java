package io.elbreconcile.plan.operation;

/** Deletes a policy; it must already be detached from every listener (reference fact 4). */
public record DeletePolicy(String loadBalancer, String policyName) implements Operation {

    @Override
    public String describe() {
        return "Delete policy " + policyName + " from " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
