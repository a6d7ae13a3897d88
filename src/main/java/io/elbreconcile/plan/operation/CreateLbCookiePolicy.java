package io.elbreconcile.plan.operation;

import io.elbreconcile.model.LbCookiePolicy;
import io.elbreconcile.model.ManagedPolicy;

import java.util.Optional;

/** Creates a duration-based stickiness policy; creating does not enable it (reference fact 1). */
public record CreateLbCookiePolicy(String loadBalancer, String policyName, long cookieExpirationPeriod) implements Operation {

    @Override
    public String describe() {
        return "Create LB cookie stickiness policy " + policyName + " on " + loadBalancer + " (" + (cookieExpirationPeriod == 0 ? "browser-session cookie" : "cookie expires after " + cookieExpirationPeriod + " s") + ")";
    }

    @Override
    public Optional<ManagedPolicy> createdPolicy() {
        return Optional.of(new LbCookiePolicy(policyName, cookieExpirationPeriod));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
