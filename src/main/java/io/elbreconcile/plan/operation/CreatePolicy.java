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
                + attributes.stream().map(a -> a.name() + "=" + shortened(a.value())).toList();
    }

    /** A long value (a public key) shortened for display; the record keeps it whole for the call. */
    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 16) + "..." + value.substring(value.length() - 12);
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
