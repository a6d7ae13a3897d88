package io.elbreconcile.plan.operation;

/** Deletes one listener by its front-end port; its policy list goes with it. */
public record DeleteListener(String loadBalancer, int port) implements Operation {

    @Override
    public String describe() {
        return "Delete the listener on port " + port + " of " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
