package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyEnabling;

/** SetLoadBalancerPoliciesOfListener: replaces the listener's whole policy list; {@code PolicyNames=} clears it. */
public final class SetLoadBalancerPoliciesOfListenerHandler implements ActionHandler {
    @Override public String action() { return "SetLoadBalancerPoliciesOfListener"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        int port = query.requiredInt("LoadBalancerPort");
        var policies = query.requiredList("PolicyNames");
        context.apply(w -> PolicyEnabling.setListenerPolicies(w, name, port, policies));
    }
}
