package io.elbreconcile.plan.operation;

import io.elbreconcile.model.Listener;
import java.util.List;

/** Creates one listener (without policies). */
public record CreateListener(String loadBalancer, Listener listener) implements Operation {

    public CreateListener {
        // AWS ignores policy lists on creation; they are set by their own step.
        listener = listener.withPolicyNames(List.of());
    }

    @Override
    public String describe() {
        return "Create listener " + listener.protocol() + ":" + listener.loadBalancerPort() + " -> " + listener.instanceProtocol() + ":" + listener.instancePort() + " on " + loadBalancer;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
