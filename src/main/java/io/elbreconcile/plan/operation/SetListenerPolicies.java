package io.elbreconcile.plan.operation;

import java.util.List;

/** Replaces the whole policy list of one listener (reference fact 2); an empty list disables all. */
public record SetListenerPolicies(
        String loadBalancer,
        int port,
        List<String> policyNames) implements Operation {

    public SetListenerPolicies {
        policyNames = List.copyOf(policyNames);
    }

    @Override
    public String describe() {
        return (policyNames.isEmpty() ? "Disable every policy on listener " + port + " of " + loadBalancer : "Set the policies of listener " + port + " on " + loadBalancer + " to " + policyNames);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
