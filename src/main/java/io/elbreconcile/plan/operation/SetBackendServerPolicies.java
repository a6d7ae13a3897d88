package io.elbreconcile.plan.operation;

import java.util.List;

/**
 * Replaces the whole policy list of one back-end (instance) port
 * (SetLoadBalancerPoliciesForBackendServer, reference 6.2); an empty list disables all.
 */
public record SetBackendServerPolicies(
        String loadBalancer,
        int instancePort,
        List<String> policyNames) implements Operation {

    public SetBackendServerPolicies {
        policyNames = List.copyOf(policyNames);
    }

    @Override
    public String describe() {
        return policyNames.isEmpty() ? "Disable every policy on instance port " + instancePort + " of " + loadBalancer
                : "Set the policies of instance port " + instancePort + " on " + loadBalancer + " to " + policyNames;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
