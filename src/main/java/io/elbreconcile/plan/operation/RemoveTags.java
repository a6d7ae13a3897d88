package io.elbreconcile.plan.operation;

import java.util.List;

/** Removes tag keys. */
public record RemoveTags(String loadBalancer, List<String> keys) implements Operation {

    public RemoveTags {
        keys = keys.stream().sorted().toList();
    }

    @Override
    public String describe() {
        return "Remove tags " + keys + " from " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
