package io.elbreconcile.plan.operation;

import io.elbreconcile.model.ManagedPolicy;
import io.elbreconcile.model.PolicyAttribute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a policy of any type from its attributes (CreateLoadBalancerPolicy), e.g. an SSL
 * negotiation policy; creating does not enable it.
 */
public record CreatePolicy(String loadBalancer, String policyName, String policyTypeName,
                           List<PolicyAttribute> attributes) implements Operation {

    public CreatePolicy {
        Objects.requireNonNull(policyTypeName, "policyTypeName");
        attributes = List.copyOf(attributes);
    }

    @Override
    public String describe() {
        return "Create " + policyTypeName + " policy " + policyName + " on " + loadBalancer + " with "
                + attributes.stream().map(a -> a.name() + "=" + a.value()).toList();
    }

    @Override
    public Optional<ManagedPolicy> createdPolicy() {
        return ManagedPolicy.fromWire(policyName, policyTypeName, attributes);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
