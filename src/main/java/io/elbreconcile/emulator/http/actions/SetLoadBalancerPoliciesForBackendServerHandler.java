package io.elbreconcile.emulator.http.actions;

import io.elbreconcile.emulator.http.ActionContext;
import io.elbreconcile.emulator.http.ActionHandler;
import io.elbreconcile.emulator.http.Query;
import io.elbreconcile.emulator.http.Xml;
import io.elbreconcile.emulator.engine.PolicyEnabling;

/** SetLoadBalancerPoliciesForBackendServer: replaces the policies of a back-end port. */
public final class SetLoadBalancerPoliciesForBackendServerHandler implements ActionHandler {
    @Override public String action() { return "SetLoadBalancerPoliciesForBackendServer"; }
    @Override public boolean mutating() { return true; }

    @Override
    public void handle(Query query, ActionContext context, Xml result) {
        String name = query.required("LoadBalancerName");
        int port = query.requiredInt("InstancePort");
        var policies = query.requiredList("PolicyNames");
        context.apply(w -> PolicyEnabling.setBackendPolicies(w, name, port, policies));
    }
}
