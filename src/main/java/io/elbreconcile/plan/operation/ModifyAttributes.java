package io.elbreconcile.plan.operation;

import io.elbreconcile.model.Attributes;

/** Sets only the declared attribute groups (null members are left as they are). */
public record ModifyAttributes(String loadBalancer, Attributes attributes) implements Operation {

    @Override
    public String describe() {
        return "Set the declared attributes of " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
