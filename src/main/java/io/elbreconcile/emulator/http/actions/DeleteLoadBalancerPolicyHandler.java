package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyActions;

/** DeleteLoadBalancerPolicy: refused with 409 while the policy is enabled (fact 4). */
public final class DeleteLoadBalancerPolicyHandler implements ActionHandler {
    @Override public String action() { return "DeleteLoadBalancerPolicy"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        String policy = query.required("PolicyName");
        context.apply(w -> PolicyActions.delete(w, name, policy));
    }
}
