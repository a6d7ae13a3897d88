package io.elbreconcile.plan.operation;

import io.elbreconcile.model.AppCookiePolicy;
import io.elbreconcile.model.ManagedPolicy;

import java.util.Optional;

/** Creates an application-cookie stickiness policy; creating does not enable it. */
public record CreateAppCookiePolicy(String loadBalancer, String policyName, String cookieName) implements Operation {

    @Override
    public String describe() {
        return "Create app cookie stickiness policy " + policyName + " on " + loadBalancer + " following cookie " + cookieName;
    }

    @Override
    public Optional<ManagedPolicy> createdPolicy() {
        return Optional.of(new AppCookiePolicy(policyName, cookieName));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
